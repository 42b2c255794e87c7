import type { FeatureContext } from './feature-handlers';
import { analysisHandlers } from './features/analysis/analysis-handlers';
import { datasetHandlers } from './features/dataset/dataset-handlers';
import { documentHandlers } from './features/document/document-handlers';
import { exportHandlers } from './features/export/export-handlers';
import { matrixHandlers } from './features/matrix/matrix-handlers';
import { memberHandlers } from './features/member/member-handlers';
import { partnershipHandlers } from './features/partnership/partnership-handlers';
import { peersHandlers } from './features/peers/peers-handlers';
import { priorityHandlers } from './features/priority/priority-handlers';
import { runHandlers } from './features/run/run-handlers';
import { workspaceHandlers } from './features/workspace/workspace-handlers';
import type { ServiceHandlers } from './service-handlers';
import type { WorkspaceSession } from './workspace-session';

/** Every feature's handlers, composed: the one module that knows them all. */
export function createWorkbenchHandlers(session: WorkspaceSession, now: () => Date = () => new Date()): ServiceHandlers {
  const context: FeatureContext = { session, now };
  return {
    ...workspaceHandlers(context),
    ...partnershipHandlers(context),
    ...memberHandlers(context),
    ...datasetHandlers(context),
    ...analysisHandlers(context),
    ...matrixHandlers(context),
    ...runHandlers(context),
    ...peersHandlers(context),
    ...priorityHandlers(context),
    ...documentHandlers(context),
    ...exportHandlers(context),
  };
}
