/**
 * Every operation the renderer may ask for, named 'domain/verb'. This list is free of any
 * library so that the sandboxed preload can bundle it without pulling in zod.
 */
export const channels = [
  'workspace/create',
  'workspace/open',
  'workspace/current',
  'workspace/close',
  'workspace/backup',
  'workspace/demo',
  'partnership/get',
  'partnership/update',
  'member/add',
  'member/update',
  'member/remove',
  'member/reorder',
  'dataset/choose',
  'dataset/preview',
  'dataset/import',
  'dataset/list',
  'dataset/report',
  'dataset/remove',
  'dataset/counts',
  'dataset/mapLabel',
  'analysis/get',
  'analysis/setPeriods',
  'analysis/setDenominators',
  'matrix/get',
  'matrix/setTemplate',
  'matrix/setFactor',
  'matrix/reset',
  'matrix/judge',
  'matrix/unjudge',
  'matrix/sensitivity',
  'run/freeze',
  'run/list',
  'run/show',
  'run/compare',
  'export/workbook',
  'export/reveal',
  'priority/list',
  'priority/add',
  'priority/update',
  'priority/remove',
  'priority/reorder',
  'peers/get',
  'peers/set',
  'document/details',
  'document/setDetails',
  'export/pdf',
  'operation/cancel',
] as const;

export type Channel = (typeof channels)[number];

/** The push channel on which the service streams progress of long operations. */
export const progressChannel = 'operation/progress';

/** The push channel on which main reports that the service process stopped and what followed. */
export const serviceStatusChannel = 'service/status';

/** Sent only by the preload for a dropped file; not part of the generic API (see contract). */
export const droppedFileChannel = 'dataset/dropped';
