import type { ServiceHandlers } from '../../workbench-handlers';
import type { WorkspaceSession } from '../../workspace-session';
import { exportPdf } from './pdf-export';

/** 'export/pdf': the Partnership Plan or the board paper, through the shared export pipeline. */
export function createPdfExportHandlers(session: WorkspaceSession, now: () => Date): Pick<ServiceHandlers, 'export/pdf'> {
  return {
    'export/pdf': async ({ path, kind, source, publication, threshold }, context) => {
      const outcome = await exportPdf(
        { workspace: session.require(), destination: path, source, now: now(), context },
        { kind, publication: publication ? { threshold } : null },
      );
      return { ...outcome, pdf: new Uint8Array(outcome.pdf) };
    },
  };
}
