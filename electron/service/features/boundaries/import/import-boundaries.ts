import { basename } from 'node:path';
import type { BoundaryPreview, GeographyLevel } from '../../../../../shared/domain/boundaries';
import { WorkbenchError } from '../../../../../shared/result';
import { throwIfCancelled, type OperationContext } from '../../../operation-context';
import type { WorkspaceDatabase } from '../../../workspace-file';
import { earlierFieldChoices, findBoundarySetBySha, insertBoundarySet, readBoundarySet } from '../boundary-store';
import { suggestFields } from './boundary-areas';
import type { BoundaryLimits } from './boundary-limits';
import { readOnBoundaryThread } from './boundary-reader';

export interface BoundaryImportRequest {
  path: string;
  codeField: string;
  nameField: string;
  level: GeographyLevel;
  attribution: string | null;
  limits?: Partial<BoundaryLimits>;
}

function refuseRepeat(db: WorkspaceDatabase, sha256: string, fileName: string): void {
  const earlier = findBoundarySetBySha(db, sha256);
  if (!earlier) return;
  throw new WorkbenchError(
    'duplicate-file',
    `${fileName} has already been imported (boundary set ${earlier.id}, ${earlier.fileName}, on ${earlier.importedAt.slice(0, 10)}). Nothing was imported. Remove that boundary set first if you mean to import the file again.`,
  );
}

/** Describes a boundary file for the analyst to choose its code and name: its properties, a few values of each, and the fields to start from. */
export async function previewBoundaryFile(db: WorkspaceDatabase, path: string, context: OperationContext, limits?: Partial<BoundaryLimits>): Promise<BoundaryPreview> {
  const fileName = basename(path);
  context.progress({ stage: `Reading ${fileName}`, done: 0, total: null, unit: 'steps' });
  const described = await readOnBoundaryThread({ path, fileName, fields: null, ...(limits ? { limits } : {}) }, context.signal);
  const names = described.properties.map((property) => property.name);
  // Fields chosen for an earlier set, when this file has them too, as a column mapping is offered again.
  const earlier = earlierFieldChoices(db).find((choice) => names.includes(choice.codeField) && names.includes(choice.nameField));
  const suggested = earlier ?? suggestFields(described.properties, described.features);
  return {
    fileName,
    bytes: described.bytes,
    format: described.format,
    sourceCrs: described.sourceCrs,
    features: described.features,
    properties: described.properties,
    suggestedCodeField: suggested.codeField,
    suggestedNameField: suggested.nameField,
    suggestedLevel: suggested.level,
  };
}

/**
 * Imports a boundary file as a set: read, checked and reprojected on its own thread, then
 * stored in one transaction, so that a bad file, a Cancel or a failure part-way changes nothing.
 * The same file (by its SHA-256) is never imported twice.
 */
export async function importBoundaries(db: WorkspaceDatabase, request: BoundaryImportRequest, context: OperationContext, now: () => Date) {
  const fileName = basename(request.path);
  context.progress({ stage: `Reading ${fileName}`, done: 0, total: 2, unit: 'steps' });
  const read = await readOnBoundaryThread(
    { path: request.path, fileName, fields: { codeField: request.codeField, nameField: request.nameField }, ...(request.limits ? { limits: request.limits } : {}) },
    context.signal,
  );
  throwIfCancelled(context);
  context.progress({ stage: `Saving ${read.areas.length} areas`, done: 1, total: 2, unit: 'steps' });
  const id = db.transaction(() => {
    refuseRepeat(db, read.sha256, fileName);
    return insertBoundarySet(
      db,
      {
        fileName,
        sha256: read.sha256,
        bytes: read.bytes,
        format: read.format,
        sourceCrs: read.sourceCrs,
        codeField: request.codeField,
        nameField: request.nameField,
        level: request.level,
        attribution: request.attribution,
        importedAt: now().toISOString(),
      },
      read,
    );
  })();
  context.progress({ stage: `Saved ${read.areas.length} areas`, done: 2, total: 2, unit: 'steps' });
  return readBoundarySet(db, id);
}
