import type { ImportFormat } from '../../../../../../shared/domain/dataset';
import { genericLayout } from './generic';
import { homeOfficeOpenDataLayout } from './ho-open-data';
import type { Layout } from './layout';
import { onsWideLayout } from './ons-wide';
import { policeUkApiLayout } from './police-uk-api';
import { policeUkStreetLayout } from './police-uk-street';

export type { AreaRule, BoundLayout, Layout, Observation, RowOutcome } from './layout';
export { bindGenericLayout, suggestMapping } from './generic';

/** Most specific first: the generic layout would also accept a police.uk header. */
export const layouts: readonly Layout[] = [
  policeUkStreetLayout,
  policeUkApiLayout,
  homeOfficeOpenDataLayout,
  onsWideLayout,
  genericLayout,
];

export function layoutFor(format: ImportFormat): Layout {
  const layout = layouts.find((candidate) => candidate.format === format);
  if (!layout) throw new Error(`No layout for ${format}`);
  return layout;
}
