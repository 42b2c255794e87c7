import type { BoundaryFormat, BoundaryProperty, BoundingBox, SourceCrs } from '../../../../../shared/domain/boundaries';
import type { ReadArea } from './boundary-areas';
import type { BoundaryLimits } from './boundary-limits';

/** What the boundary reading thread is asked: to describe a file for the preview, or to read its areas. */
export interface BoundaryReadRequest {
  path: string;
  fileName: string;
  limits?: Partial<BoundaryLimits>;
  /** Null: describe the file's properties (the preview). Set: read every area with these fields. */
  fields: { codeField: string; nameField: string } | null;
}

interface ReadFile {
  format: BoundaryFormat;
  sourceCrs: SourceCrs;
  bytes: number;
  sha256: string;
  features: number;
}

/** Reading thread → service thread: one answer per request. */
export type FromBoundaryReader =
  | ({ type: 'described'; properties: BoundaryProperty[] } & ReadFile)
  | ({ type: 'read'; areas: ReadArea[]; bbox: BoundingBox; points: number } & ReadFile)
  /** code is set for a message written for the analyst (a WorkbenchError). */
  | { type: 'failed'; code: string | null; message: string };
