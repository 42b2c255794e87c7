import type { OperationContext } from './operation-context';
import type { HandledChannel, ServiceHandlers } from './service-handlers';
import type { WorkspaceDatabase } from './workspace-file';
import type { WorkspaceSession } from './workspace-session';

/** What every feature's handlers are made with. */
export interface FeatureContext {
  session: WorkspaceSession;
  now: () => Date;
}

/** A feature's handlers: those of the operations named after its noun. */
export type FeatureHandlers<Noun extends string> = Pick<ServiceHandlers, Extract<HandledChannel, `${Noun}/${string}`>>;

type Work<Input, Output> = (db: WorkspaceDatabase, input: Input, operation: OperationContext) => Output;

/**
 * The two ways a handler reaches the workspace: `read` on the open workspace as it stands, and
 * `write` inside one transaction, so that a failure leaves nothing half-done. A handler says
 * which it is once, where it is registered, rather than opening its own transaction.
 */
export function workspaceAccess(session: WorkspaceSession) {
  return {
    read:
      <Input, Output>(work: Work<Input, Output>) =>
      (input: Input, operation: OperationContext): Output =>
        work(session.require(), input, operation),
    write:
      <Input, Output>(work: Work<Input, Output>) =>
      (input: Input, operation: OperationContext): Output =>
        session.write((db) => work(db, input, operation)),
  };
}
