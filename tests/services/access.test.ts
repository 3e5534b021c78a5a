import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestChannels, roles, type RequestChannel, type Role } from '../../main/contract/index.ts';
import { password, seedUsers, testWorkstation } from '../helpers/workstation.ts';

const channels = Object.keys(requestChannels) as RequestChannel[];

function allowed(channel: RequestChannel, role: Role): boolean {
  const access = requestChannels[channel].access;
  return access === 'public' || access === 'session' || access.includes(role);
}

describe('role checks per channel', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Record<Role, string>;
  beforeEach(async () => {
    env = testWorkstation();
    clients = await seedUsers(env.ws);
  });
  afterEach(() => env.dispose());

  const matrix = channels.flatMap((channel) => roles.map((role) => [channel, role] as const));
  it.each(matrix)('%s as %s: FORBIDDEN exactly when the contract excludes the role', async (channel, role) => {
    // An empty payload: access is checked before validation, so a forbidden role never reaches the schema.
    const result = await env.ws.dispatcher.invoke(clients[role], channel, {});
    const forbidden = !result.ok && result.error.code === 'FORBIDDEN';
    expect(forbidden).toBe(!allowed(channel, role));
  });

  it('keeps judges and clerks away from expert-only intake, and clerks from creating cases', () => {
    expect(allowed('evidence.add', 'judge')).toBe(false);
    expect(allowed('evidence.add', 'clerk')).toBe(false);
    expect(allowed('cases.create', 'clerk')).toBe(false);
    expect(allowed('users.add', 'expert')).toBe(false);
  });

  it('refuses every non-public channel without a session', async () => {
    for (const channel of channels.filter((c) => requestChannels[c].access !== 'public')) {
      const result = await env.ws.dispatcher.invoke('stranger', channel, {});
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('locks an idle session, refuses work until the password is given again', async () => {
    env.clock.advance(env.ws.sessions.policy.idleLockMs + 1);
    const refused = await env.ws.dispatcher.invoke(clients.expert, 'cases.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    const status = await env.ws.dispatcher.invoke(clients.expert, 'auth.status', {});
    expect(status).toMatchObject({ ok: true, value: { session: { locked: true } } });
    const wrong = await env.ws.dispatcher.invoke(clients.expert, 'auth.unlock', { password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    const unlocked = await env.ws.dispatcher.invoke(clients.expert, 'auth.unlock', { password });
    expect(unlocked).toMatchObject({ ok: true, value: { locked: false } });
    expect((await env.ws.dispatcher.invoke(clients.expert, 'cases.list', {})).ok).toBe(true);
  });

  it('ends the sessions of a disabled account', async () => {
    const users = await env.ws.dispatcher.invoke(clients.administrator, 'users.list', {});
    if (!users.ok) throw new Error('users.list failed');
    const judge = (users.value as Array<{ id: string; username: string }>).find((u) => u.username === 'judge');
    await env.ws.dispatcher.invoke(clients.administrator, 'users.setDisabled', { userId: judge?.id, disabled: true });
    expect(await env.ws.dispatcher.invoke(clients.judge, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await env.ws.dispatcher.invoke('again', 'auth.login', { username: 'judge', password })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
  });
});
