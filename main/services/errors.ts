import type { ErrorCode, ErrorInfo } from '../contract/index.ts';

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
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, params: this.params };
  }
}

/** A rejected evidence file: names the file and the reason, with a reason code the interface translates. */
export function badInput(fileName: string, reasonCode: string, reason: string, extra: Record<string, string | number> = {}): DalelError {
  return new DalelError('BAD_INPUT', `${fileName}: ${reason}`, { file: fileName, reasonCode, reason, ...extra });
}
