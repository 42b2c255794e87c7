import type { FeatureContext, FeatureHandlers } from '../../feature-handlers';
import { runExport } from './export-job';
import { writeEvidenceWorkbook } from './workbook/evidence-workbook';
import { exportPdf } from './pdf/pdf-export';

/** The documents the workbench exports, each through the one export pipeline. */
export function exportHandlers({ session, now }: FeatureContext): FeatureHandlers<'export'> {
  return {
    'export/workbook': async ({ path, operationId, source, publication, threshold, rawData }, context) => {
      const outcome = await runExport({ workspace: session.require(), destination: path, source, now: now(), context }, (target) =>
        writeEvidenceWorkbook(target, { publication: publication ? { threshold } : null, rawData }),
      );
      return { exportId: operationId, ...outcome };
    },
    'export/pdf': async ({ path, operationId, kind, source, publication, threshold }, context) => {
      const outcome = await exportPdf(
        { workspace: session.require(), destination: path, source, now: now(), context },
        { kind, publication: publication ? { threshold } : null },
      );
      return { exportId: operationId, ...outcome, pdf: new Uint8Array(outcome.pdf) };
    },
  };
}
