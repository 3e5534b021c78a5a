import type { RequestChannel } from '../../contract.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';

type OwnChannel = Extract<RequestChannel, `report.${string}` | `summary.${string}`>;

// Placeholder while this module is being built on its branch: every call answers INTERNAL, never a fake result.
const notBuilt = (): never => {
  throw new DalelError('INTERNAL', 'This feature is not built yet.');
};

/** The channels of the AI summary and the lab report. */
export function createReportHandlers(): Pick<Handlers, OwnChannel> {
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'report.export': notBuilt,
    'summary.get': notBuilt,
  };
  return handlers;
}
