/** A fake DalelApi for the renderer tests: it answers from a table and records what the interface asks for. */
import type { DalelApi, EventChannel, EventOf, RequestChannel, Result } from '../../main/contract/index.ts';

/** A fixed result, or a function of the request's payload. */
export type Answer = Result<unknown> | ((payload: never) => Result<unknown> | Promise<Result<unknown>>);

/** A DalelApi answering from a table (INTERNAL for a channel it lacks), recording calls and letting the test push events. */
export function tableApi(answers: Partial<Record<RequestChannel, Answer>>) {
  const calls: { channel: RequestChannel; payload: unknown }[] = [];
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const api: DalelApi = {
    invoke: (async (channel: RequestChannel, payload: unknown) => {
      calls.push({ channel, payload });
      const answer = answers[channel];
      if (answer === undefined) return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${channel}` } };
      return typeof answer === 'function' ? answer(payload as never) : answer;
    }) as DalelApi['invoke'],
    on: ((event: EventChannel, listener: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }) as DalelApi['on'],
  };
  return {
    api,
    calls,
    callsTo: (channel: RequestChannel) => calls.filter((c) => c.channel === channel).map((c) => c.payload),
    /** Delivers an event to the listeners at once (the caller wraps it in act when React must see it). */
    emit: <E extends EventChannel>(event: E, payload: EventOf<E>) => {
      for (const listener of listeners.get(event) ?? []) (listener as (p: EventOf<E>) => void)(payload);
    },
    listening: (event: EventChannel) => listeners.get(event)?.size ?? 0,
  };
}
