import type { Role, SessionInfo, User } from '../contract/index.ts';
import { isoAt, type Clock } from './clock.ts';
import { DalelError } from './errors.ts';

/** Session timing: lock after `idleLockMs` without activity; a re-authentication counts for `reauthValidMs`. */
export interface SessionPolicy {
  readonly idleLockMs: number;
  readonly reauthValidMs: number;
}

/** Ten minutes idle locks the screen; a signature needs a password typed in the last five minutes. */
export const defaultSessionPolicy: SessionPolicy = { idleLockMs: 10 * 60 * 1000, reauthValidMs: 5 * 60 * 1000 };

/** A logged-in user on one client (an Electron window, a browser tab, a CLI run). */
export interface Session {
  user: User;
  lastActivity: number;
  locked: boolean;
  reauthUntil: number;
}

/** The caller's identity as the services see it after the transport has identified the client. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
}

/** Sessions per client key; locks idle sessions lazily, on the next call, so no timer can be forgotten. */
export class SessionManager {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    readonly policy: SessionPolicy = defaultSessionPolicy,
  ) {}

  /** Starts (or replaces) the session of a client. */
  open(clientKey: string, user: User): Session {
    const session: Session = { user, lastActivity: this.clock.now(), locked: false, reauthUntil: 0 };
    this.sessions.set(clientKey, session);
    return session;
  }

  /** Ends a client's session. */
  close(clientKey: string): void {
    this.sessions.delete(clientKey);
  }

  /** Ends every session of a user (used when an account is disabled). */
  closeAllFor(userId: string): void {
    for (const [key, session] of this.sessions) if (session.user.id === userId) this.sessions.delete(key);
  }

  /** Puts an account's changed details (display name, forced password change) into its open sessions. */
  refreshUser(user: User): void {
    for (const session of this.sessions.values()) if (session.user.id === user.id) session.user = user;
  }

  /** The client's session as it stands now (locked if idle too long), without counting this as activity. */
  peek(clientKey: string): Session | null {
    const session = this.sessions.get(clientKey);
    if (!session) return null;
    if (!session.locked && this.clock.now() - session.lastActivity > this.policy.idleLockMs) session.locked = true;
    return session;
  }

  /** The client's unlocked session, marking activity; throws UNAUTHENTICATED or SESSION_LOCKED otherwise. */
  touch(clientKey: string): Session {
    const session = this.peek(clientKey);
    if (!session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
    if (session.locked) throw new DalelError('SESSION_LOCKED', 'The session is locked after inactivity; enter your password.');
    session.lastActivity = this.clock.now();
    return session;
  }

  /** Throws PASSWORD_CHANGE_REQUIRED while the session's user must replace a password an administrator reset. */
  requirePasswordSettled(session: Session): void {
    if (session.user.mustChangePassword) {
      throw new DalelError('PASSWORD_CHANGE_REQUIRED', 'Your password was reset by an administrator: choose a new one first.');
    }
  }

  /** Unlocks a session after its owner's password was confirmed. */
  unlock(session: Session): void {
    session.locked = false;
    session.lastActivity = this.clock.now();
  }

  /** Records a fresh password confirmation, required before signing. */
  markReauthenticated(session: Session): string {
    session.reauthUntil = this.clock.now() + this.policy.reauthValidMs;
    return isoAt(session.reauthUntil);
  }

  /** Throws unless the session's owner confirmed their password recently (signatures, per 21 CFR 11.200). */
  requireRecentReauth(session: Session): void {
    if (this.clock.now() > session.reauthUntil) {
      throw new DalelError('UNAUTHENTICATED', 'Signing needs your password again.', { reason: 'reauth-required' });
    }
  }

  /** The interface's view of a session. */
  info(session: Session): SessionInfo {
    return { user: session.user, locked: session.locked, idleLockMs: this.policy.idleLockMs };
  }
}

/** The actor behind a session. */
export function actorOf(session: Session): Actor {
  return { userId: session.user.id, username: session.user.username, role: session.user.role };
}
