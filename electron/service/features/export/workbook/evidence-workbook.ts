import { offenceTotalSets } from '../../../../../shared/export/offence-total-sets';
import { publishedModel } from '../../../../../shared/export/publication-view';
import { WorkbenchError } from '../../../../../shared/result';
import { throwIfCancelled, yieldToEventLoop } from '../../../operation-context';
import type { ExportTarget } from '../export-job';
import { writeMatrixSheet, type MatrixLayout } from './matrix/matrix-sheet';
import { writeContents } from './sheets/contents-sheet';
import { writeCover } from './sheets/cover-sheet';
import { writeDatasets } from './sheets/datasets-sheet';
import { writeNotes } from './sheets/notes-sheet';
import { writeOffences } from './sheets/offences-sheet';
import { writePartnership } from './sheets/partnership-sheet';
import { writePriorities } from './sheets/priorities-sheet';
import { writeQuality } from './sheets/quality-sheet';
import { writeRanking } from './sheets/ranking-sheet';
import { writeRawDataSheet } from './sheets/raw-data-sheet';
import { writeSensitivity } from './sheets/sensitivity-sheet';
import { StreamingWorkbook } from './streaming-workbook';
import { hiddenFigures, rawDataSheet, workbookSheets, type WorkbookContext, type WorkbookOptions } from './workbook-context';

/**
 * The evidence workbook (brief §Workflow 6), sheet by sheet in the order workbook-context.ts
 * lists them, each sheet written by its own module under sheets/ (the Matrix under matrix/).
 */

/** Writes the evidence workbook for the export target; the pipeline renames it into place. */
export async function writeEvidenceWorkbook(target: ExportTarget, options: WorkbookOptions): Promise<void> {
  const { model, context } = target;
  if (options.publication && options.rawData) {
    throw new WorkbenchError('invalid-input', 'The raw-data sheet lists individual records, so it cannot go into a workbook for publication. Leave out one or the other.');
  }
  const book = new StreamingWorkbook(target.path, {
    title: `${model.partnership.name}: strategic assessment evidence workbook`,
    subject: `Strategic assessment, ${model.periodLabels.current}`,
    creator: model.partnership.name,
    company: model.partnership.name,
    keywords: `community safety; strategic assessment; risk matrix; ${model.partnership.marking}`,
    description: `${model.partnership.marking}. ${model.source.description}.`,
    created: new Date(model.generatedAt),
  });
  const totals = offenceTotalSets(model.offences.map((row) => row.key));
  const published = options.publication ? publishedModel(model, options.publication.threshold) : null;
  const rows = published?.suppression ?? null;
  const view = published?.model ?? model;
  const workbookContext: WorkbookContext = {
    book,
    model: view,
    options,
    marking: model.partnership.marking,
    suppression: rows,
    totals,
  };
  const steps = workbookSheets.length + (options.rawData ? 1 : 0);
  let done = 0;
  const step = async (name: string, write: () => void | Promise<void>) => {
    throwIfCancelled(context);
    context.progress({ stage: `Writing the ${name} sheet`, done, total: steps, unit: 'steps' });
    await write();
    done += 1;
    await yieldToEventLoop();
  };
  try {
    await step('Cover', () => writeCover(workbookContext));
    await step('Contents', () => writeContents(workbookContext));
    await step('Notes', () => writeNotes(workbookContext, { matrixRows: view.matrix.ranking.length }));
    await step('Partnership', () => writePartnership(workbookContext));
    await step('Datasets', () => writeDatasets(workbookContext));
    await step('Data quality', () => writeQuality(workbookContext));
    await step('Offences', () => writeOffences(workbookContext));
    let layout: MatrixLayout | null = null;
    await step('Matrix', () => {
      layout = writeMatrixSheet(book, view, (key) => hiddenFigures(workbookContext, key), options.publication);
    });
    await step('Ranking', () => writeRanking(workbookContext, layout!));
    await step('Sensitivity', () => writeSensitivity(workbookContext));
    await step('Priorities', () => writePriorities(workbookContext));
    if (options.rawData) await step(rawDataSheet.name, () => writeRawDataSheet(book, target, workbookContext.marking));
    context.progress({ stage: 'Saving the workbook', done: steps, total: steps, unit: 'steps' });
  } catch (error) {
    // Close the file's stream, so that the pipeline can remove the temporary file.
    await book.commit().catch(() => undefined);
    throw error;
  }
  await book.commit();
}
