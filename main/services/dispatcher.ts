import {
  isRequestChannel,
  requestChannels,
  type Access,
  type ParsedRequestOf,
  type RequestChannel,
  type ResponseOf,
  type Result,
} from '../contract/index.ts';
import { DalelError } from './errors.ts';
import type { Session, SessionManager } from './sessions.ts';

/** What a handler knows about its caller: the transport's client key and, once checked, the session. */
export interface CallContext {
  readonly clientKey: string;
  readonly session: Session | null;
}

/** A handler for one channel: receives the parsed payload, returns the response. */
export type Handler<C extends RequestChannel> = (request: ParsedRequestOf<C>, context: CallContext) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** One handler per channel: the compiler refuses a missing or mistyped one. */
export type Handlers = { readonly [C in RequestChannel]: Handler<C> };

/** Reports an unexpected failure (a bug): never swallowed, always logged with its stack. */
export type BugReporter = (channel: string, error: unknown) => void;

const logBug: BugReporter = (channel, error) => {
  console.error(`[dalel] internal error on ${channel}:`, error);
};

/**
 * The single entry point every transport (IPC, loopback HTTP, CLI) goes through: checks that the channel exists,
 * enforces the channel's access rule from the session, validates the payload against the contract, then runs the
 * handler and wraps the outcome in a result envelope.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly sessions: SessionManager,
    private readonly reportBug: BugReporter = logBug,
    /** Checks every answer against the channel's response schema (tests: the suite doubles as a conformance test). */
    private readonly checkResponses = false,
  ) {}

  /** Calls a channel on behalf of a client; never throws. */
  async invoke(clientKey: string, channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isRequestChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel).slice(0, 80)}.` } };
    }
    try {
      const value = await this.run(clientKey, channel, payload);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DalelError) return { ok: false, error: error.toInfo() };
      this.reportBug(channel, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'An internal error occurred; it has been logged.' } };
    }
  }

  private async run<C extends RequestChannel>(clientKey: string, channel: C, payload: unknown): Promise<ResponseOf<C>> {
    const spec = requestChannels[channel];
    // Access first: a caller without the right role learns nothing about the payload's shape.
    const session = this.authorise(clientKey, channel, spec.access);
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? first.path.join('.') : 'payload';
      throw new DalelError('VALIDATION', `Invalid ${where}: ${first?.message ?? 'malformed request'}.`, { field: where });
    }
    const handler = this.handlers[channel] as Handler<C>;
    const response = await handler(parsed.data as ParsedRequestOf<C>, { clientKey, session });
    if (this.checkResponses) {
      const checked = spec.response.safeParse(response);
      // A handler answering outside its contract is a bug: reported and answered as INTERNAL, never passed on.
      if (!checked.success) throw new Error(`${channel} answered outside its response schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return response;
  }

  private authorise(clientKey: string, channel: RequestChannel, access: Access): Session | null {
    if (access === 'public') return this.sessions.peek(clientKey);
    const session = this.sessions.touch(clientKey);
    // After a reset, choosing a new password is the only thing the user may do (public channels stay open: log out).
    if (channel !== 'auth.changePassword') this.sessions.requirePasswordSettled(session);
    if (access !== 'session' && !access.includes(session.user.role)) {
      throw new DalelError('FORBIDDEN', `The ${session.user.role} role may not use ${channel}.`, { channel, role: session.user.role });
    }
    return session;
  }
}
