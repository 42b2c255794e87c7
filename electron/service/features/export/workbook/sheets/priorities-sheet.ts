import { ragStatusNames } from '../../../../../../shared/domain/priority';
import { formats, notAvailable } from '../sheet-layout';
import { simpleSheet, type WorkbookContext } from '../workbook-context';

/** The Priorities sheet: each priority with its offence types, lead, measures and status. */

export function writePriorities(context: WorkbookContext): void {
  const { model } = context;
  simpleSheet(
    context,
    'Priorities',
    'Priorities',
    [
      model.priorities.length > 0
        ? 'The partnership’s priorities, each with the ranked offence types it addresses.'
        : 'No priorities have been set yet: write them on the Priorities screen.',
    ],
    'Priorities',
    [
      { header: 'Number', width: 8, numFmt: formats.count },
      { header: 'Priority', width: 26, wrap: true },
      { header: 'Aim', width: 28, wrap: true },
      { header: 'Offence types (rank)', width: 22, wrap: true },
      { header: 'Lead partner', width: 16, wrap: true },
      { header: 'Measures', width: 28, wrap: true },
      { header: 'Status', width: 11, wrap: true },
      { header: 'Status in words', width: 12, wrap: true },
      { header: 'Review date', width: 11, numFmt: 'dd/mm/yyyy' },
    ],
    model.priorities.map((priority) => [
      priority.number,
      priority.heading,
      priority.aim,
      priority.offences.length > 0
        ? priority.offences.map((offence) => (offence.rank !== null ? `${offence.label} (${offence.rank})` : `${offence.label} (not ranked)`)).join('; ')
        : 'None',
      priority.lead ?? notAvailable,
      priority.measures.length > 0 ? priority.measures.join('\n') : 'None',
      priority.status ? ragStatusNames[priority.status] : 'Not set',
      priority.statusLabel,
      priority.reviewDate ? new Date(`${priority.reviewDate}T00:00:00Z`) : notAvailable,
    ]),
  );
}
