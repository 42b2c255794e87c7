import type { Channel } from '../../../shared/channels';

/**
 * The kinds of data a screen loads and shows. A query names the kinds it reads; an operation
 * names the kinds it changes (below), and each query reading one of them loads again after it.
 */
export type QueryKey = 'workspace' | 'partnership' | 'datasets' | 'analysis' | 'matrix' | 'runs' | 'priorities' | 'document';

const everything: readonly QueryKey[] = ['workspace', 'partnership', 'datasets', 'analysis', 'matrix', 'runs', 'priorities', 'document'];
const none: readonly QueryKey[] = [];

/**
 * What each operation changes, one entry per operation: after it succeeds, every query on screen
 * that reads one of these loads again. Reads change nothing. The table is exhaustive, so a new
 * operation does not compile until it says what it changes.
 */
export const invalidations = {
  // Another workspace, or none: everything shown belongs to the one before.
  'workspace/create': everything,
  'workspace/open': everything,
  'workspace/demo': everything,
  'workspace/close': everything,
  'workspace/show': none,
  'workspace/backup': none,
  'partnership/show': none,
  // The name and marking head every screen; the assessment period sets the default periods; the
  // documents' standard wording follows the partnership.
  'partnership/set': ['partnership', 'workspace', 'analysis', 'matrix', 'document'],
  'member/list': none,
  'member/add': ['partnership'],
  // A priority names its lead partner, and removing a member clears the lead of its priorities.
  'member/update': ['partnership', 'priorities'],
  'member/remove': ['partnership', 'priorities'],
  'member/move': ['partnership'],
  // Staging and previewing a file read it; nothing is stored until the import.
  'dataset/stage': none,
  'dataset/preview': none,
  'dataset/import': ['datasets', 'workspace', 'analysis', 'matrix'],
  'dataset/list': none,
  'dataset/report': none,
  'dataset/remove': ['datasets', 'workspace', 'analysis', 'matrix'],
  'dataset/counts': none,
  'dataset/mapLabel': ['datasets', 'analysis', 'matrix'],
  'analysis/show': none,
  'analysis/setPeriods': ['analysis', 'matrix'],
  'analysis/setDenominators': ['analysis', 'matrix'],
  'matrix/show': none,
  'matrix/use': ['matrix'],
  'matrix/set': ['matrix'],
  'matrix/reset': ['matrix'],
  'matrix/judge': ['matrix'],
  'matrix/unjudge': ['matrix'],
  // Worked out from the matrix as given, never stored.
  'matrix/sensitivity': none,
  'run/freeze': ['runs'],
  'run/list': none,
  'run/show': none,
  'run/compare': none,
  'export/workbook': none,
  'export/reveal': none,
  'export/pdf': none,
  'priority/list': none,
  'priority/add': ['priorities'],
  'priority/update': ['priorities'],
  'priority/remove': ['priorities'],
  'priority/move': ['priorities'],
  'peers/show': none,
  'peers/set': ['matrix'],
  'document/show': none,
  'document/set': ['document'],
  'operation/cancel': none,
} as const satisfies Record<Channel, readonly QueryKey[]>;
