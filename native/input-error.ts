/**
 * The one error native/ throws for input it cannot use: it names the file (or the part of the input) and the reason,
 * with a reason code the interface translates. native/ knows nothing of the services' DalelError; the service
 * boundary (main/services/native-input.ts) converts this into a BAD_INPUT DalelError once.
 */
export class InputError extends Error {
  constructor(
    readonly fileName: string,
    readonly reasonCode: string,
    readonly reason: string,
    readonly extra: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'InputError';
  }
}

/** An input error naming the file and the reason (the same arguments as the services' `badInput`). */
export function badInput(fileName: string, reasonCode: string, reason: string, extra: Record<string, string | number> = {}): InputError {
  return new InputError(fileName, reasonCode, reason, extra);
}
