/** Accounts and sessions: the workstation, log-in, users. */
import { z } from 'zod';
import { RoleSchema, adminOnly, channel, empty, freeText, id, isoTime, loginPassword, ok, password, username } from './common.ts';

/** A user as the interface sees it (never the password hash). */
export const UserSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  /** True after an administrator's password reset: the user must choose a new password before anything else. */
  mustChangePassword: z.boolean().optional(),
  createdAt: isoTime,
});
/** A user as the interface sees it. */
export type User = z.infer<typeof UserSchema>;

/** The state of the caller's session. */
export const SessionInfoSchema = z.object({
  user: UserSchema,
  locked: z.boolean(),
  idleLockMs: z.number().int().positive(),
});
/** The state of the caller's session. */
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** The accounts channels: schemas and who may call each. */
export const accountsChannels = {
  'workstation.info': channel(
    empty,
    z.object({ version: z.string(), workstationId: z.string(), needsSetup: z.boolean() }),
    'public',
  ),
  'auth.status': channel(empty, z.object({ needsSetup: z.boolean(), session: SessionInfoSchema.nullable() }), 'public'),
  'auth.setupAdmin': channel(
    z.object({ username, displayName: freeText(120).min(1), password }).strict(),
    SessionInfoSchema,
    'public',
  ),
  'auth.login': channel(z.object({ username: z.string().trim().min(1).max(64), password: loginPassword }).strict(), SessionInfoSchema, 'public'),
  /** Unlocking is allowed on a locked session, which is why it is 'public' and checks the session itself. */
  'auth.unlock': channel(z.object({ password: loginPassword }).strict(), SessionInfoSchema, 'public'),
  'auth.logout': channel(empty, ok, 'public'),
  'auth.reauthenticate': channel(z.object({ password: loginPassword }).strict(), z.object({ validUntil: isoTime }), 'session'),
  'auth.changePassword': channel(
    z.object({ currentPassword: loginPassword, newPassword: password }).strict(),
    ok,
    'session',
  ),
  'users.list': channel(empty, z.array(UserSchema), adminOnly),
  'users.add': channel(
    z.object({ username, displayName: freeText(120).min(1), role: RoleSchema, password }).strict(),
    UserSchema,
    adminOnly,
  ),
  'users.setDisabled': channel(z.object({ userId: id, disabled: z.boolean() }).strict(), UserSchema, adminOnly),
  /** Sets a temporary password the administrator hands over; the user must replace it at the next login. */
  'users.resetPassword': channel(z.object({ userId: id, temporaryPassword: password }).strict(), UserSchema, adminOnly),
  /** Another role for an account; the last enabled administrator keeps theirs. */
  'users.setRole': channel(z.object({ userId: id, role: RoleSchema }).strict(), UserSchema, adminOnly),
  'users.setDisplayName': channel(z.object({ userId: id, displayName: freeText(120).min(1) }).strict(), UserSchema, adminOnly),
} as const;
