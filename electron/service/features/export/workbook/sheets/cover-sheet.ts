import { formatUkDateTime } from '../../../../../../shared/format/index';
import { openGovernmentLicenceAttribution } from '../../../../../../shared/taxonomy/attribution';
import { notAvailable, type CellContent } from '../sheet-layout';
import { publicationLine, simpleSheet, type WorkbookContext } from '../workbook-context';

/** The Cover sheet: what the workbook is, for whom, for when, and under which marking. */

export function writeCover(context: WorkbookContext): void {
  const { model, options } = context;
  const { partnership } = model;
  const rows: CellContent[][] = [
    ['Title', `${partnership.name}: strategic assessment evidence workbook`],
    ['Partnership', partnership.name],
    ['Area', partnership.area ?? notAvailable],
    ['Assessment period', model.periodLabels.current],
    ['Comparison period', model.periodLabels.comparison],
    ['Protective marking', partnership.marking],
    ['Scoring', model.source.description],
    ['Matrix', model.matrix.definition.name],
    ['Generated', formatUkDateTime(model.generatedAt)],
    ['Version', `Community Safety Workbench ${model.appVersion}`],
    ['Publication mode', options.publication ? `On. ${publicationLine(options.publication.threshold)}` : 'Off: every count is shown. This workbook is not for publication.'],
    ['Licence', `${openGovernmentLicenceAttribution} Office for National Statistics and police.uk (Home Office) data are Crown copyright.`],
  ];
  simpleSheet(
    context,
    'Cover',
    `${partnership.name}: strategic assessment evidence workbook`,
    [partnership.marking, ...(options.publication ? [publicationLine(options.publication.threshold)] : [])],
    'Cover',
    [
      { header: 'Item', width: 20 },
      { header: 'Detail', width: 100, wrap: true },
    ],
    rows,
  );
}
