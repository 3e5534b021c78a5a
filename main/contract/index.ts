/**
 * The one typed contract between the user interface and the services, merged from one file per domain. Every
 * request/response channel and every event channel is declared once, with zod schemas; the IPC wrappers, the preload's
 * `window.api`, the loopback web bridge, the CLI and the renderer all derive their types from here. Access rules live
 * beside each channel so that the dispatcher enforces them for every transport alike.
 */
import { z } from 'zod';
import { accountsChannels } from './accounts.ts';
import { casesChannels } from './cases.ts';
import { auditChannels } from './audit.ts';
import { decisionChannels } from './decision.ts';
import { findingsChannels } from './findings.ts';
import { settingsChannels } from './settings.ts';
import { lawsChannels } from './laws.ts';
import { documentsChannels } from './documents.ts';
import { corpusChannels, corpusInboxChannels, corpusTextChannels, modelRegistryChannels } from './corpus.ts';
import { analysisChannels } from './analysis.ts';
import { SessionInfoSchema } from './accounts.ts';
import { analysisRunStates } from './analysis.ts';
import { id } from './common.ts';
import type { Result } from './errors.ts';

export * from './common.ts';
export * from './errors.ts';
export * from './accounts.ts';
export * from './cases.ts';
export * from './audit.ts';
export * from './decision.ts';
export * from './findings.ts';
export * from './analysis.ts';
export * from './modules/ballistics.ts';
export * from './modules/handwriting.ts';
export * from './modules/drugs.ts';
export * from './settings.ts';
export * from './laws.ts';
export * from './documents.ts';
export * from './corpus.ts';

/** Every request/response channel, its schemas and who may call it. */
export const requestChannels = {
  ...accountsChannels,
  ...casesChannels,
  ...auditChannels,
  ...decisionChannels,
  ...findingsChannels,
  ...analysisChannels,
  ...settingsChannels,
  ...lawsChannels,
  ...documentsChannels,
  ...corpusChannels,
  ...modelRegistryChannels,
  ...corpusTextChannels,
  ...corpusInboxChannels,
} as const;

/** Every event channel pushed from the services to the interface. */
export const eventChannels = {
  'session.changed': z.object({ session: SessionInfoSchema.nullable() }),
  'audit.exportProgress': z.object({ done: z.number().int(), total: z.number().int() }),
  /** How far the verification of a bundle is: bytes of its entries checked, of how many. */
  'audit.verifyProgress': z.object({ done: z.number().int(), total: z.number().int() }),
  'analysis.progress': z.object({ runId: id, caseId: id, state: z.enum(analysisRunStates), progress: z.number().min(0).max(1), stage: z.string() }),
  /** How far the reading of a document is: pages read, of how many. */
  'documents.progress': z.object({ evidenceId: id, done: z.number().int(), total: z.number().int() }),
} as const;

/** A request/response channel name. */
export type RequestChannel = keyof typeof requestChannels;
/** An event channel name. */
export type EventChannel = keyof typeof eventChannels;
/** The payload a caller sends on a channel (before parsing: defaults may still be absent). */
export type RequestOf<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['request']>;
/** The payload a handler receives on a channel (after parsing). */
export type ParsedRequestOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['request']>;
/** What a channel answers. */
export type ResponseOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['response']>;
/** What an event carries. */
export type EventOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;


/** The API object that the preload exposes as `window.api` and that the web bridge client imitates. */
export interface DalelApi {
  invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

/** True when a string names a request channel. */
export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestChannels, name);
}

/** True when a string names an event channel. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventChannels, name);
}
