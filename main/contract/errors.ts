/** Error codes and the result envelope every transport answers with. */
import { z } from 'zod';

/** Error codes every transport can return; the interface translates them. */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'KEY_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_INPUT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'SETUP_DONE',
  /** The account's password was reset by an administrator: the user must choose a new one before anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  'INTERNAL',
] as const;
/** An error code. */
export type ErrorCode = (typeof errorCodes)[number];

/** The error part of a result envelope: a code, an English message, and parameters for translation. */
export const ErrorInfoSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
/** The error part of a result envelope. */
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** The envelope every transport answers with: handlers never throw across a process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
