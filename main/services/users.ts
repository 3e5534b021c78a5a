import { randomUUID } from 'node:crypto';
import type { Role, User } from '../contract/index.ts';
import type { Db } from '../db/database.ts';
import { isoAt, type Clock } from './clock.ts';
import { DalelError } from './errors.ts';
import type { AuditLog } from './audit/audit-log.ts';
import { defaultScryptParams, hashParams, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './passwords.ts';
import type { Actor } from './sessions.ts';

/** Lock-out policy: after `maxFailures` wrong passwords in a row the account refuses logins for `lockoutMs`. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockoutMs: number;
}

/** Five tries, then fifteen minutes: the usual policy for workstations holding case records. */
export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, lockoutMs: 15 * 60 * 1000 };

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  disabled: number;
  must_change_password: number;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

function wrongPassword(attemptsLeft: number): DalelError {
  return new DalelError('INVALID_CREDENTIALS', 'Wrong user name or password.', { attemptsLeft });
}

function lockedError(until: string, justLocked: boolean): DalelError {
  return new DalelError(
    'ACCOUNT_LOCKED',
    justLocked ? 'Too many failed attempts; the account is locked for a while.' : `Too many failed attempts; try again after ${until}.`,
    { until },
  );
}

/** New-account fields. */
export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
}

/** Accounts: creation, password checks with lock-out, listing and disabling. Knows nothing of sessions. */
export class UserService {
  private readonly dummyHash: Promise<string>;
  /** Failed attempts on names that have no account, counted like real ones so that lock-outs do not reveal which exist. */
  private readonly unknownNames = new Map<string, { failures: number; lockedUntil: number | null }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly lockout: LockoutPolicy = defaultLockoutPolicy,
    private readonly scryptParams: ScryptParams = defaultScryptParams,
  ) {
    // Unknown user names still cost one scrypt, so response time does not reveal which names exist.
    this.dummyHash = hashPassword('not-a-real-password', scryptParams);
  }

  /** True until the first administrator exists. */
  needsSetup(): boolean {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    return row.n === 0;
  }

  /** Creates the first administrator; refused once any account exists (there is no built-in default password). */
  async createFirstAdministrator(input: Omit<NewUser, 'role'>): Promise<User> {
    const hash = await hashPassword(input.password, this.scryptParams);
    const create = this.db.transaction(() => {
      if (!this.needsSetup()) throw new DalelError('SETUP_DONE', 'This workstation already has an administrator.');
      const user = this.insert({ ...input, role: 'administrator' }, hash, null);
      this.audit.append({ action: 'user.created', actor: null, subjects: { userId: user.id }, details: { username: user.username, role: user.role, firstRun: true } });
      return user;
    });
    return create.immediate();
  }

  /** Creates an account on behalf of an administrator. */
  async add(input: NewUser, by: Actor): Promise<User> {
    const hash = await hashPassword(input.password, this.scryptParams);
    const add = this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM users WHERE username = ?').get(input.username);
      if (existing) throw new DalelError('CONFLICT', `The user name "${input.username}" is taken.`, { username: input.username });
      const user = this.insert(input, hash, by.userId);
      this.audit.append({ action: 'user.created', actor: by, subjects: { userId: user.id }, details: { username: user.username, role: user.role } });
      return user;
    });
    return add.immediate();
  }

  private insert(input: NewUser, hash: string, createdBy: string | null): User {
    const row: UserRow = {
      id: randomUUID(),
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: hash,
      failed_attempts: 0,
      locked_until: null,
      disabled: 0,
      must_change_password: 0,
      created_at: isoAt(this.clock.now()),
    };
    this.db
      .prepare(
        `INSERT INTO users (id, username, display_name, role, password_hash, created_at, created_by)
         VALUES (@id, @username, @display_name, @role, @password_hash, @created_at, @created_by)`,
      )
      .run({ ...row, created_by: createdBy });
    return toUser(row);
  }

  /** Every account, by user name. */
  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  /** One account, or NOT_FOUND. */
  get(userId: string): User {
    return toUser(this.row(userId));
  }

  private row(userId: string): UserRow {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
    if (!row) throw new DalelError('NOT_FOUND', 'No such user.', { userId });
    return row;
  }

  /** Disables or re-enables an account; the last enabled administrator cannot be disabled. */
  setDisabled(userId: string, disabled: boolean, by: Actor): User {
    const change = this.db.transaction(() => {
      const row = this.row(userId);
      if (disabled && row.role === 'administrator' && row.disabled === 0 && this.enabledAdministrators() <= 1) {
        throw new DalelError('CONFLICT', 'The last administrator cannot be disabled.', { reasonCode: 'last-administrator' });
      }
      this.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, userId);
      this.audit.append({ action: disabled ? 'user.disabled' : 'user.enabled', actor: by, subjects: { userId }, details: { username: row.username } });
      return toUser({ ...row, disabled: disabled ? 1 : 0 });
    });
    return change.immediate();
  }

  /**
   * Checks a user name and password, applying the lock-out policy; returns the account on success. An unknown or
   * disabled name costs the same scrypt and gets the same answers (code, message, attempts left, lock-out) as a known
   * name with a wrong password, so that nobody can find out which names exist by trying.
   */
  async authenticate(username: string, password: string): Promise<User> {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    if (!row) {
      try {
        return await this.refuseUnknown(username, password);
      } catch (error) {
        this.audit.append({ action: 'auth.login-failed', actor: null, details: { username: username.slice(0, 64), reason: 'unknown user' } });
        throw error;
      }
    }
    return this.checkPassword(row, password, 'login');
  }

  /** The answer to an unknown user name: the same work and the same sequence of answers as a wrong password. */
  private async refuseUnknown(username: string, password: string): Promise<never> {
    const key = username.toLowerCase();
    const now = this.clock.now();
    const state = this.unknownNames.get(key) ?? { failures: 0, lockedUntil: null };
    if (state.lockedUntil !== null && state.lockedUntil > now) throw lockedError(isoAt(state.lockedUntil), false);
    await verifyPassword(password, await this.dummyHash);
    const failures = state.failures + 1;
    const lockNow = failures >= this.lockout.maxFailures;
    // Bounded: an attacker cycling through names must not grow this map without end.
    if (this.unknownNames.size >= 10_000 && !this.unknownNames.has(key)) this.unknownNames.delete(this.unknownNames.keys().next().value!);
    this.unknownNames.set(key, { failures: lockNow ? 0 : failures, lockedUntil: lockNow ? now + this.lockout.lockoutMs : state.lockedUntil });
    if (lockNow) throw lockedError(isoAt(now + this.lockout.lockoutMs), true);
    throw wrongPassword(this.lockout.maxFailures - failures);
  }

  /** Checks the password of a known account (unlock, re-authentication), under the same lock-out policy. */
  async confirmPassword(userId: string, password: string, purpose: 'unlock' | 'reauthenticate' | 'password-change'): Promise<User> {
    return this.checkPassword(this.row(userId), password, purpose);
  }

  private async checkPassword(row: UserRow, password: string, purpose: string): Promise<User> {
    try {
      return await this.checkPasswordUnlogged(row, password);
    } catch (error) {
      if (error instanceof DalelError) {
        const who: Actor = { userId: row.id, username: row.username, role: row.role };
        const action = error.code === 'ACCOUNT_LOCKED' ? 'auth.account-locked' : 'auth.password-refused';
        this.audit.append({ action, actor: who, subjects: { userId: row.id }, details: { purpose, reason: error.message } });
      }
      throw error;
    }
  }

  private async checkPasswordUnlogged(row: UserRow, password: string): Promise<User> {
    const now = this.clock.now();
    if (row.locked_until && Date.parse(row.locked_until) > now) throw lockedError(row.locked_until, false);
    const valid = await verifyPassword(password, row.password_hash);
    // A disabled account is checked like any other (same work, same counting) and then refused like a wrong password.
    if (!valid || row.disabled === 1) {
      // Read the counter again after the slow hash: another attempt may have landed meanwhile.
      const fresh = this.row(row.id);
      const failures = fresh.failed_attempts + 1;
      const lockNow = failures >= this.lockout.maxFailures;
      this.db
        .prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')
        .run(lockNow ? 0 : failures, lockNow ? isoAt(now + this.lockout.lockoutMs) : fresh.locked_until, row.id);
      if (lockNow) throw lockedError(isoAt(now + this.lockout.lockoutMs), true);
      throw wrongPassword(this.lockout.maxFailures - failures);
    }
    this.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id);
    if (needsRehash(row.password_hash, this.scryptParams)) await this.rehash(row, password);
    return toUser(row);
  }

  /** Re-hashes a password stored at another (older, cheaper) cost with the current one, now that it is known to be right. */
  private async rehash(row: UserRow, password: string): Promise<void> {
    const hash = await hashPassword(password, this.scryptParams);
    this.audit.atomically(() => {
      // Only if nobody changed the password during the slow hash.
      const changed = this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?').run(hash, row.id, row.password_hash);
      if (changed.changes === 0) return;
      this.audit.append({
        action: 'user.password-rehashed',
        actor: null,
        subjects: { userId: row.id },
        details: { username: row.username, fromN: hashParams(row.password_hash)?.N ?? null, toN: this.scryptParams.N },
      });
    });
  }

  /** Changes a user's own password after checking the current one; this also ends a forced change after a reset. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<User> {
    const user = await this.confirmPassword(userId, currentPassword, 'password-change');
    if (newPassword === currentPassword) {
      throw new DalelError('VALIDATION', 'The new password must differ from the current one.', { field: 'newPassword', reasonCode: 'same-password' });
    }
    const hash = await hashPassword(newPassword, this.scryptParams);
    this.audit.atomically(() => {
      this.db.prepare('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(hash, userId);
      this.audit.append({ action: 'user.password-changed', actor: { userId, username: user.username, role: user.role }, subjects: { userId } });
    });
    return this.get(userId);
  }

  /**
   * Sets a temporary password chosen by an administrator (the user forgot theirs); the user must choose a new one at
   * the next login before anything else. Also clears a lock-out.
   */
  async resetPassword(userId: string, temporaryPassword: string, by: Actor): Promise<User> {
    this.row(userId);
    const hash = await hashPassword(temporaryPassword, this.scryptParams);
    this.audit.atomically(() => {
      const row = this.row(userId);
      this.db
        .prepare('UPDATE users SET password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until = NULL WHERE id = ?')
        .run(hash, userId);
      this.audit.append({ action: 'user.password-reset', actor: by, subjects: { userId }, details: { username: row.username } });
    });
    return this.get(userId);
  }

  /** Gives an account another role; the last enabled administrator keeps theirs. */
  setRole(userId: string, role: Role, by: Actor): User {
    this.audit.atomically(() => {
      const row = this.row(userId);
      if (row.role === role) return;
      if (row.role === 'administrator' && row.disabled === 0 && this.enabledAdministrators() <= 1) {
        throw new DalelError('CONFLICT', 'The last administrator cannot lose the role.', { reasonCode: 'last-administrator' });
      }
      this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId);
      this.audit.append({ action: 'user.role-changed', actor: by, subjects: { userId }, details: { username: row.username, from: row.role, to: role } });
    });
    return this.get(userId);
  }

  /** Changes the name shown for an account (the user name used to log in stays). */
  setDisplayName(userId: string, displayName: string, by: Actor): User {
    this.audit.atomically(() => {
      const row = this.row(userId);
      if (row.display_name === displayName) return;
      this.db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(displayName, userId);
      this.audit.append({ action: 'user.display-name-changed', actor: by, subjects: { userId }, details: { username: row.username, from: row.display_name, to: displayName } });
    });
    return this.get(userId);
  }

  private enabledAdministrators(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'administrator' AND disabled = 0").get() as { n: number }).n;
  }
}
