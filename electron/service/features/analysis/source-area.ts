import { describeSourceArea, type SourceArea } from '../../../../shared/domain/area';
import { bundledAreaLevel } from './population-estimates';

/** A dataset's or series' area as the documents name it, its level read from the bundled ONS table. */
export function sourceAreaOf(name: string | null, partnershipArea: string | null): SourceArea {
  return describeSourceArea(name, name ? bundledAreaLevel(name) : 'unknown', partnershipArea);
}
