import type { RequestChannel } from '../../contract.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';

type OwnChannel = Extract<RequestChannel, `analysis.${string}` | `library.${string}` | 'evidence.surface'>;

// Placeholder while this module is being built on its branch: every call answers INTERNAL, never a fake result.
const notBuilt = (): never => {
  throw new DalelError('INTERNAL', 'This feature is not built yet.');
};

/** The channels of ballistics: analysis runs off the main thread, surfaces for the viewer, the reference library. */
export function createBallisticsHandlers(): Pick<Handlers, OwnChannel> {
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'analysis.start': notBuilt,
    'analysis.cancel': notBuilt,
    'analysis.list': notBuilt,
    'analysis.result': notBuilt,
    'analysis.surface': notBuilt,
    'evidence.surface': notBuilt,
    'library.add': notBuilt,
    'library.list': notBuilt,
    'library.search': notBuilt,
  };
  return handlers;
}
