import type { RequestChannel } from '../../contract.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';

type OwnChannel = Extract<RequestChannel, `findings.${string}` | `review.${string}`>;

// Placeholder while this module is being built on its branch: every call answers INTERNAL, never a fake result.
const notBuilt = (): never => {
  throw new DalelError('INTERNAL', 'This feature is not built yet.');
};

/** The channels of findings and their review: listing, accept/reject/amend, manual findings, the case review state machine. */
export function createFindingsHandlers(): Pick<Handlers, OwnChannel> {
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'findings.list': notBuilt,
    'findings.review': notBuilt,
    'findings.addManual': notBuilt,
    'review.get': notBuilt,
    'review.transition': notBuilt,
    'review.queue': notBuilt,
  };
  return handlers;
}
