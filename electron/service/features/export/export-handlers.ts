import type { ServiceHandlers } from '../../service-handlers';
import type { WorkspaceSession } from '../../workspace-session';
import { runExport } from './export-job';
import { writeEvidenceWorkbook } from './workbook/evidence-workbook';
import { exportPdf } from './pdf/pdf-export';

type ExportChannel = Extract<keyof ServiceHandlers, `export/${string}`>;

/** The documents the workbench exports, each through the one export pipeline. */
export function createExportHandlers(session: WorkspaceSession, now: () => Date): Pick<ServiceHandlers, ExportChannel> {
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
