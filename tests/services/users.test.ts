import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../main/services/passwords.ts';
import { call, fastScrypt, password, testWorkstation } from '../helpers/workstation.ts';

describe('accounts', () => {
  let env: ReturnType<typeof testWorkstation>;
  beforeEach(() => {
    env = testWorkstation();
  });
  afterEach(() => env.dispose());

  it('needs setup on first launch, with no built-in account', async () => {
    expect(await call(env.ws, 'c1', 'auth.status', {})).toEqual({ needsSetup: true, session: null });
    expect(env.ws.users.list()).toEqual([]);
  });

  it('creates the first administrator once, and never again', async () => {
    const session = await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    expect(session.user.role).toBe('administrator');
    const again = await env.ws.dispatcher.invoke('c2', 'auth.setupAdmin', { username: 'evil', displayName: 'Evil', password });
    expect(again).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
    expect(env.ws.users.list().map((u) => u.username)).toEqual(['root']);
  });

  it('stores scrypt hashes, never the password', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const row = env.ws.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(row.password_hash).not.toContain(password);
  });

  it('locks an account after five wrong passwords and opens it after the lock-out period', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await env.ws.dispatcher.invoke('c2', 'auth.login', { username: 'root', password: `wrong-${i}` });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    // Even the right password is refused while locked.
    expect(await env.ws.dispatcher.invoke('c2', 'auth.login', { username: 'root', password })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    env.clock.advance(15 * 60 * 1000 + 1);
    expect((await env.ws.dispatcher.invoke('c2', 'auth.login', { username: 'root', password })).ok).toBe(true);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const unknown = await env.ws.dispatcher.invoke('c2', 'auth.login', { username: 'nobody', password });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Wrong user name or password.' } });
  });

  it('requires a fresh re-authentication for signing', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const session = env.ws.sessions.peek('c1');
    if (!session) throw new Error('no session');
    expect(() => env.ws.sessions.requireRecentReauth(session)).toThrow(/password again/);
    await call(env.ws, 'c1', 'auth.reauthenticate', { password });
    expect(() => env.ws.sessions.requireRecentReauth(session)).not.toThrow();
    env.clock.advance(env.ws.sessions.policy.reauthValidMs + 1);
    expect(() => env.ws.sessions.requireRecentReauth(session)).toThrow(/password again/);
  });

  it('refuses duplicate user names regardless of case', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    await call(env.ws, 'c1', 'users.add', { username: 'Aigerim', displayName: 'Aigerim', role: 'expert', password });
    const clash = await env.ws.dispatcher.invoke('c1', 'users.add', { username: 'aigerim', displayName: 'A', role: 'judge', password });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('will not disable the last administrator', async () => {
    const admin = await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const r = await env.ws.dispatcher.invoke('c1', 'users.setDisabled', { userId: admin.user.id, disabled: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('changes a password only with the current one', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const bad = await env.ws.dispatcher.invoke('c1', 'auth.changePassword', { currentPassword: 'nope', newPassword: 'another long password' });
    expect(bad.ok).toBe(false);
    await call(env.ws, 'c1', 'auth.changePassword', { currentPassword: password, newPassword: 'another long password' });
    expect((await env.ws.dispatcher.invoke('c3', 'auth.login', { username: 'root', password: 'another long password' })).ok).toBe(true);
  });
});

describe('password hashing', () => {
  it('verifies the right password and rejects others and malformed hashes', async () => {
    const hash = await hashPassword('пароль-қазақша-1', fastScrypt);
    expect(await verifyPassword('пароль-қазақша-1', hash)).toBe(true);
    expect(await verifyPassword('пароль-қазақша-2', hash)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
