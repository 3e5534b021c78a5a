/** Error codes and the result envelope every transport answers with. */
import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../../core/errors.ts';

/** Error codes every transport can return (defined in core/errors.ts, next to DalelError). */
export { errorCodes, type ErrorCode };

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
