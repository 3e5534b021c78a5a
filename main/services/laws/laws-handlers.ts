/** The legal-acts channels bound to the store. */
import type { RequestChannel } from '../../contract/index.ts';
import type { Handlers } from '../dispatcher.ts';
import { DalelError, tooLarge } from '../errors.ts';
import { actorOf } from '../sessions.ts';
import { bytesOf, type UploadStore } from '../uploads.ts';
import { diffLaws, type CitingAssets } from './law-diff.ts';
import type { LawStore } from './law-store.ts';

type LawsChannel = Extract<RequestChannel, `laws.${string}`>;

/** What the laws channels need: the store, the assets that cite articles, and browser-mode uploads. */
export interface LawsHandlerDeps {
  readonly store: LawStore;
  readonly assets: () => CitingAssets;
  readonly uploads: UploadStore;
}

/** The largest code text imported: a whole code is a few megabytes; past this a file is not one code's text. */
export const maxCodeTextBytes = 64 * 1024 * 1024;

/** The channels of the legal-acts store. */
export function createLawsHandlers(deps: LawsHandlerDeps): Pick<Handlers, LawsChannel> {
  return {
    'laws.search': (request) => deps.store.searchLaws(request.query, { code: request.code, limit: request.limit }),
    'laws.article': (request) => {
      const found = deps.store.getArticle(request.code, request.article, { version: request.version, language: request.language });
      if (!found) throw new DalelError('NOT_FOUND', `${request.code}: no article ${request.article}${request.version ? ` in version ${request.version}` : ''} is stored`);
      return found;
    },
    'laws.versions': (request) => deps.store.versions(request.code),
    'laws.import': (request, context) => {
      const bytes = bytesOf(deps.uploads, context.clientKey, request.fileName, request.body);
      if (bytes.length > maxCodeTextBytes) throw tooLarge(request.fileName, bytes.length, maxCodeTextBytes);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new DalelError('BAD_INPUT', `${request.fileName}: not UTF-8 text`, { file: request.fileName, reasonCode: 'text-not-utf8' });
      }
      const actor = context.session ? actorOf(context.session) : null;
      return deps.store.importCode({ code: request.code, version: request.version, language: request.language, text, sourceName: request.fileName, actor });
    },
    'laws.diff': (request) => diffLaws(deps.store, request.code, deps.assets(), { from: request.from, to: request.to }),
  };
}
