import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { ImportSettings, PreviewRequest } from '../../../../shared/domain/dataset';
import type { z } from 'zod';
import { WorkbenchError } from '../../../../shared/result';
import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import type { WorkspaceSession } from '../../workspace-session';
import { countObservations, listDatasets, readQualityReport, removeDataset } from './dataset-store';
import { importDataset } from './import/import-dataset';
import { mapLabel, offenceDisplayLabel } from './import/offence-resolver';
import { prestartSourceWorker } from './import/pipeline/source-pipeline';
import { previewFile } from './import/preview';

function stagedPath(session: WorkspaceSession, token: string): string {
  const path = session.stagedFiles.get(token);
  if (!path) throw new WorkbenchError('not-found', 'That file is no longer staged for import. Choose it again.');
  return path;
}

/** Import and dataset management: choose a file, preview it, import it, inspect and remove. */
export function datasetHandlers({ session }: FeatureContext): FeatureHandlers<'dataset'> {
  const { read, write } = workspaceAccess(session);
  return {
    'dataset/stage': async ({ path, partner }, context) => {
      const db = session.require();
      // The reading thread loads while the preview is read, ready for the import. The name
      // is only a hint: the file is recognised by its content.
      const extension = extname(path).toLowerCase();
      prestartSourceWorker(extension === '.xlsx' ? 'xlsx' : extension === '.ods' ? 'ods' : 'csv');
      const preview = await previewFile(db, path, { sheet: null, partner: partner ?? null }, context.signal);
      const token = randomUUID();
      session.stagedFiles.set(token, path);
      return { token, preview };
    },
    'dataset/preview': async (request: z.output<typeof PreviewRequest>, context) =>
      previewFile(session.require(), stagedPath(session, request.token), request, context.signal),
    'dataset/import': async (settings: z.output<typeof ImportSettings>, context) => {
      const db = session.require();
      const path = stagedPath(session, settings.token);
      return session.exclusively(() =>
        importDataset(
          db,
          {
            path,
            partner: settings.partner,
            format: settings.format,
            mapping: settings.mapping,
            labels: settings.labels,
            sheet: settings.sheet,
            allSheets: settings.allSheets,
            area: settings.area,
            keepComparators: settings.keepComparators,
            sharingAgreement: settings.sharingAgreement,
          },
          context,
        ),
      );
    },
    'dataset/list': read((db) => listDatasets(db)),
    'dataset/report': read((db, { id }) => readQualityReport(db, id)),
    'dataset/remove': write((db, { id }) => {
      removeDataset(db, id);
      return listDatasets(db);
    }),
    'dataset/counts': read((db, { datasetId, by }) => ({ rows: countObservations(db, { datasetId, by }, offenceDisplayLabel) })),
    'dataset/mapLabel': write((db, { datasetId, label, offence }) => {
      mapLabel(db, datasetId, label, offence);
      return readQualityReport(db, datasetId);
    }),
  };
}
