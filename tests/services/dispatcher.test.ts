import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../main/services/dispatcher.ts';
import { Dispatcher } from '../../main/services/dispatcher.ts';
import { SessionManager, defaultSessionPolicy } from '../../main/services/sessions.ts';
import { ManualClock } from '../helpers/workstation.ts';

/** Handlers where 'workstation.info' answers with a wrong shape (a number where the contract says a string). */
function handlersAnswering(info: unknown): Handlers {
  return new Proxy({} as Handlers, { get: (_target, channel) => (channel === 'workstation.info' ? () => info : undefined) });
}

describe('response conformance', () => {
  const sessions = new SessionManager(new ManualClock(), defaultSessionPolicy);
  const wrong = { version: 1, workstationId: 'w', needsSetup: false };
  const right = { version: '1.0.0', workstationId: 'w', needsSetup: false };

  it('passes an answer outside the response schema on when not checking (production)', async () => {
    const dispatcher = new Dispatcher(handlersAnswering(wrong), sessions, () => undefined);
    expect(await dispatcher.invoke('c', 'workstation.info', {})).toEqual({ ok: true, value: wrong });
  });

  it('reports an answer outside the response schema as an internal bug when checking (every test workstation)', async () => {
    const bugs: string[] = [];
    const dispatcher = new Dispatcher(handlersAnswering(wrong), sessions, (channel, error) => bugs.push(`${channel}: ${(error as Error).message}`), true);
    expect(await dispatcher.invoke('c', 'workstation.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(bugs).toEqual([expect.stringContaining('workstation.info: workstation.info answered outside its response schema: version')]);
    const conforming = new Dispatcher(handlersAnswering(right), sessions, () => undefined, true);
    expect(await conforming.invoke('c', 'workstation.info', {})).toEqual({ ok: true, value: right });
  });
});
