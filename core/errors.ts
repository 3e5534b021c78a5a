/**
 * The typed error every layer above native/ throws (DESIGN.md: errors are codes the interface translates). It lives
 * in core/ so that the training library in models/ throws the same errors as the services that call it; the contract
 * re-exports the codes.
 */

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

/** What crosses a process or network boundary (the contract's ErrorInfo). */
export interface ErrorInfoShape {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

/** A typed, user-readable error: a code the interface translates, an English message, and its parameters. */
export class DalelError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'DalelError';
    this.code = code;
    this.params = params;
  }

  /** The form that crosses a process or network boundary. */
  toInfo(): ErrorInfoShape {
    return { code: this.code, message: this.message, params: this.params };
  }
}

/** A rejected evidence file: names the file and the reason, with a reason code the interface translates. */
export function badInput(fileName: string, reasonCode: string, reason: string, extra: Record<string, string | number> = {}): DalelError {
  return new DalelError('BAD_INPUT', `${fileName}: ${reason}`, { file: fileName, reasonCode, reason, ...extra });
}

/** A file refused for its size, with the size and the limit in bytes (the interface words both as sizes). */
export function tooLarge(fileName: string, size: number, limit: number): DalelError {
  return badInput(fileName, 'too-large', `the file is ${size} bytes, larger than the limit of ${limit} bytes`, { size, limit });
}
