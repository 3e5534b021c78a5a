import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultScryptParams, hashPassword, needsRehash, verifyPassword } from '../../main/services/passwords.ts';
import { openWorkstation } from '../../main/services/workstation.ts';
import { call, fastScrypt, password, tempDir, testWorkstation } from '../helpers/workstation.ts';

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

  it('wrong password says the same for unknown and known users: code, message, params and lock-out', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    await call(env.ws, 'c1', 'users.add', { username: 'gone', displayName: 'Gone', role: 'clerk', password });
    const gone = env.ws.users.list().find((u) => u.username === 'gone')!;
    await call(env.ws, 'c1', 'users.setDisabled', { userId: gone.id, disabled: true });
    const answers = async (username: string, pw: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i += 1) {
        const r = await env.ws.dispatcher.invoke('c2', 'auth.login', { username, password: `${pw}-${i}` });
        out.push(r.ok ? 'ok' : r.error);
      }
      return out;
    };
    const known = await answers('root', 'wrong');
    // An unknown name and a disabled account (even with its right password) answer exactly like a known one.
    expect(await answers('nobody', 'wrong')).toEqual(known);
    expect(await answers('gone', password.slice(0, -2))).toEqual(known);
    expect(known[0]).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong user name or password.', params: { attemptsLeft: 4 } });
    expect(known[4]).toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });

  it('a disabled account costs the same scrypt as any other (no fast path that timing would reveal)', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const added = await call(env.ws, 'c1', 'users.add', { username: 'gone', displayName: 'Gone', role: 'clerk', password });
    await call(env.ws, 'c1', 'users.setDisabled', { userId: added.id, disabled: true });
    const row = env.ws.db.prepare('SELECT failed_attempts FROM users WHERE id = ?');
    await env.ws.dispatcher.invoke('c2', 'auth.login', { username: 'gone', password });
    // The attempt went through the password check and was counted, like a wrong password on an enabled account.
    expect((row.get(added.id) as { failed_attempts: number }).failed_attempts).toBe(1);
  });

  it('administrator resets a password: the user must set a new one before anything else', async () => {
    await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const clerk = await call(env.ws, 'c1', 'users.add', { username: 'clerk', displayName: 'Clerk', role: 'clerk', password });
    await call(env.ws, 'c2', 'auth.login', { username: 'clerk', password });
    const reset = await call(env.ws, 'c1', 'users.resetPassword', { userId: clerk.id, temporaryPassword: 'temporary password 1' });
    expect(reset.mustChangePassword).toBe(true);
    // The clerk's open session ended; the old password no longer works.
    expect(await env.ws.dispatcher.invoke('c2', 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await env.ws.dispatcher.invoke('c3', 'auth.login', { username: 'clerk', password })).toMatchObject({ ok: false });
    const session = await call(env.ws, 'c3', 'auth.login', { username: 'clerk', password: 'temporary password 1' });
    expect(session.user.mustChangePassword).toBe(true);
    expect(await env.ws.dispatcher.invoke('c3', 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const same = await env.ws.dispatcher.invoke('c3', 'auth.changePassword', { currentPassword: 'temporary password 1', newPassword: 'temporary password 1' });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION', params: { reasonCode: 'same-password' } } });
    await call(env.ws, 'c3', 'auth.changePassword', { currentPassword: 'temporary password 1', newPassword: 'my own new password' });
    expect((await call(env.ws, 'c3', 'auth.status', {})).session?.user.mustChangePassword).toBe(false);
    expect((await env.ws.dispatcher.invoke('c3', 'settings.get', {})).ok).toBe(true);
    const actions = env.ws.audit.list({ limit: 100 }).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password-reset', 'user.password-changed']));
  });

  it('administrator changes role and display name, audit-logged; the last administrator cannot lose the role', async () => {
    const admin = await call(env.ws, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    const user = await call(env.ws, 'c1', 'users.add', { username: 'aigul', displayName: 'Aigul', role: 'clerk', password });
    expect((await call(env.ws, 'c1', 'users.setRole', { userId: user.id, role: 'judge' })).role).toBe('judge');
    expect((await call(env.ws, 'c1', 'users.setDisplayName', { userId: user.id, displayName: 'Айгүл Сейітова' })).displayName).toBe('Айгүл Сейітова');
    const last = await env.ws.dispatcher.invoke('c1', 'users.setRole', { userId: admin.user.id, role: 'clerk' });
    expect(last).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { reasonCode: 'last-administrator' } } });
    // With a second administrator, the first may step down.
    await call(env.ws, 'c1', 'users.setRole', { userId: user.id, role: 'administrator' });
    expect((await call(env.ws, 'c1', 'users.setRole', { userId: admin.user.id, role: 'clerk' })).role).toBe('clerk');
    const entries = env.ws.audit.list({ limit: 100 }).filter((e) => e.action.startsWith('user.'));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['user.role-changed', 'user.display-name-changed']));
    // Only administrators may do this.
    await call(env.ws, 'c2', 'auth.login', { username: 'root', password });
    expect(await env.ws.dispatcher.invoke('c2', 'users.setRole', { userId: user.id, role: 'clerk' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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
  it('passwords hashed with scrypt at N = 2^17 (OWASP), r = 8, p = 1 by default', async () => {
    expect(defaultScryptParams).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const hash = await hashPassword('пароль-қазақша-1');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('пароль-қазақша-1', hash)).toBe(true);
  });

  it('rehash-on-login of older (cheaper) hashes, audit-logged, without changing the password', async () => {
    const cheap = { N: 256, r: 8, p: 1 } as const;
    const { dir, cleanup } = tempDir();
    const first = openWorkstation({ dataDir: dir, scryptParams: cheap, demoModels: false });
    await call(first, 'c1', 'auth.setupAdmin', { username: 'root', displayName: 'Root', password });
    first.close();
    const again = { ws: openWorkstation({ dataDir: dir, scryptParams: fastScrypt, demoModels: false }) };
    try {
      const stored = () => (again.ws.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string }).password_hash;
      expect(needsRehash(stored(), fastScrypt)).toBe(true);
      // A wrong password leaves the old hash alone.
      expect((await again.ws.dispatcher.invoke('c2', 'auth.login', { username: 'root', password: 'wrong one' })).ok).toBe(false);
      expect(stored()).toMatch(/^scrypt\$256\$/);
      await call(again.ws, 'c2', 'auth.login', { username: 'root', password });
      expect(stored()).toMatch(/^scrypt\$1024\$8\$1\$/);
      expect(again.ws.audit.list({ limit: 100 }).some((e) => e.action === 'user.password-rehashed')).toBe(true);
      expect((await again.ws.dispatcher.invoke('c3', 'auth.login', { username: 'root', password })).ok).toBe(true);
    } finally {
      again.ws.close();
      cleanup();
    }
  });

  it('verifies the right password and rejects others and malformed hashes', async () => {
    const hash = await hashPassword('пароль-қазақша-1', fastScrypt);
    expect(await verifyPassword('пароль-қазақша-1', hash)).toBe(true);
    expect(await verifyPassword('пароль-қазақша-2', hash)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
