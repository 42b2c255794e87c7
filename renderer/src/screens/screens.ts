/** The workflow, in the order an analyst works through a strategic assessment. */
export const screens = [
  {
    id: 'partnership',
    title: 'Partnership',
    purpose: 'Set up the workspace for this assessment: the partnership, its members and the period it covers.',
    next: '',
  },
  {
    id: 'data',
    title: 'Data',
    purpose: 'Bring in offence and incident data from partners and public sources, and check its quality.',
    next: '',
  },
  {
    id: 'analysis',
    title: 'Analysis',
    purpose: 'See counts, rates, changes and trends for each offence type, with honest significance tests.',
    next: 'Once data is imported, this screen will show each offence type against the comparison period.',
  },
  {
    id: 'matrix',
    title: 'Matrix',
    purpose: 'Score and rank offence types with a risk matrix whose working you can see and defend.',
    next: 'Scoring needs imported data. The partnership, MoRiLE-style and 4×4 templates will be offered here.',
  },
  {
    id: 'priorities',
    title: 'Priorities',
    purpose: 'Write the partnership’s priorities, informed by the ranking.',
    next: 'Priorities are written after the matrix has ranked the offence types.',
  },
  {
    id: 'export',
    title: 'Export',
    purpose: 'Produce the evidence workbook and the plan or board paper, with the protective marking.',
    next: 'Exports draw on every earlier step: partnership, data, matrix and priorities.',
  },
] as const;

export type ScreenId = (typeof screens)[number]['id'];
export type ScreenInfo = (typeof screens)[number];
