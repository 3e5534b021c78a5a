import type { RequestChannel } from '../../contract.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';

type OwnChannel = Extract<RequestChannel, `verdicts.${string}`>;

// Placeholder while this module is being built on its branch: every call answers INTERNAL, never a fake result.
const notBuilt = (): never => {
  throw new DalelError('INTERNAL', 'This feature is not built yet.');
};

/** The channels of final verdicts, discrepancies with the prediction, and notices to the consulting judge. */
export function createVerdictHandlers(): Pick<Handlers, OwnChannel> {
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'verdicts.record': notBuilt,
    'verdicts.list': notBuilt,
    'verdicts.dashboard': notBuilt,
    'verdicts.notices': notBuilt,
    'verdicts.acknowledge': notBuilt,
  };
  return handlers;
}
