import type { Channel } from '../../shared/channels';
import type { OutputOf } from '../../shared/contract';
import type { Operations } from '../../shared/operations';
import type { OperationContext } from './operation-context';
import type { ServiceInputOf } from './service-contract';

/**
 * What a feature's handlers are: types only, so that the features import them and the one
 * module that composes the handlers imports the features, never the other way round.
 */

/** The operations a feature's handler answers (the table's owner 'service'); main's and the host's are their own. */
export type HandledChannel = { [C in Channel]: Operations[C]['owner'] extends 'service' ? C : never }[Channel];

export type ServiceHandlers = {
  [C in HandledChannel]: (input: ServiceInputOf<C>, context: OperationContext) => OutputOf<C> | Promise<OutputOf<C>>;
};
