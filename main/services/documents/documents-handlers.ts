/** The case-document channels bound to the document-text service. */
import { DocumentTextSchema, type DocumentTextView, type EventOf, type RequestChannel } from '../../contract/index.ts';
import type { Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { actorOf } from '../sessions.ts';
import { LawStore } from '../laws/law-store.ts';
import { askQuestion } from '../questions/ask.ts';
import type { DocumentText, DocumentTextService } from './document-texts.ts';

/** The stored text as the contract sends it (the service's readonly arrays, checked against the schema). */
const view = (text: DocumentText): DocumentTextView => DocumentTextSchema.parse(text);

type DocumentsChannel = Extract<RequestChannel, `documents.${string}` | `questions.${string}`>;

/** Where each page read goes: the transport pushes it as 'documents.progress' to the client reading the document. */
export type DocumentProgressSink = (clientKey: string, event: EventOf<'documents.progress'>) => void;

let sharedStore: LawStore | null = null;

/** The store questions search: the workstation's when it holds the codes, else the shared official texts (loaded once). */
function questionStore(laws: LawStore): { store: LawStore; source: 'workstation' | 'shared' } {
  if (laws.currentVersion('criminal') && laws.currentVersion('civil')) return { store: laws, source: 'workstation' };
  try {
    sharedStore ??= LawStore.withSharedCodes(['criminal', 'civil', 'civil-procedure']);
  } catch {
    throw new DalelError('NOT_FOUND', 'No legal texts to search: an administrator imports the codes first.');
  }
  return { store: sharedStore, source: 'shared' };
}

/** The channels of case documents and plain-language questions. */
export function createDocumentsHandlers(documents: DocumentTextService, laws: LawStore, onProgress?: DocumentProgressSink): Pick<Handlers, DocumentsChannel> {
  // Readings in progress, by evidence item: one at a time per item, each cancellable from any client of its case.
  const running = new Map<string, AbortController>();
  return {
    'questions.ask': (request) => {
      const { store, source } = questionStore(laws);
      const answer = askQuestion(request.question, store, { language: request.language });
      return {
        ...answer,
        lawSource: source,
        concepts: answer.concepts.map((c) => ({ ...c, span: { ...c.span } })),
        articles: answer.articles.map((a) => ({ ...a, foundBy: [...a.foundBy] })),
        facts: answer.facts.map((f) => ({ field: f.field, value: f.value, span: { ...f.span }, confidence: f.confidence })),
        missing: [...answer.missing],
        consultationFacts: answer.consultationFacts ? { ...answer.consultationFacts } : null,
      };
    },
    'documents.recognise': async (request, context) => {
      if (!context.session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
      const { evidenceId } = request;
      if (running.has(evidenceId)) throw new DalelError('CONFLICT', 'This document is being read already: wait for it or cancel it.', { evidenceId, reasonCode: 'already-reading' });
      const controller = new AbortController();
      running.set(evidenceId, controller);
      try {
        const stored = await documents.recognise(evidenceId, actorOf(context.session), {
          language: request.language,
          signal: controller.signal,
          onProgress: (done, total) => onProgress?.(context.clientKey, { evidenceId, done, total }),
        });
        return view(stored);
      } finally {
        running.delete(evidenceId);
      }
    },
    'documents.cancel': (request) => {
      const controller = running.get(request.evidenceId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'documents.text': (request) => {
      const stored = documents.latest(request.evidenceId);
      return stored ? view(stored) : null;
    },
    'documents.search': (request) => documents.search(request.caseId, request.query),
    'documents.pageImage': async (request) => ({ evidenceId: request.evidenceId, ...(await documents.pageImage(request.evidenceId, request.page)) }),
    'documents.list': (request) => documents.listForCase(request.caseId),
    'documents.facts': (request) => {
      const proposed = documents.proposeFacts(request.evidenceId, request.caseType);
      return { ...proposed, facts: proposed.facts.map((f) => ({ ...f, span: { ...f.span }, boxes: f.boxes.map((b) => ({ ...b })) })) };
    },
  };
}
