/** Building blocks every part of the contract shares: identifiers, text limits, roles and the channel declaration. */
import { z } from 'zod';

/** The roles a workstation account can hold. */
export const roles = ['expert', 'judge', 'clerk', 'administrator'] as const;
/** A workstation account's role. */
export const RoleSchema = z.enum(roles);
/** A workstation account's role. */
export type Role = z.infer<typeof RoleSchema>;

/** Who may call a channel: anyone (no session), any unlocked session, or only the listed roles. */
export type Access = 'public' | 'session' | readonly Role[];

export const id = z.string().uuid();
export const isoTime = z.string().datetime();
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, underscore or hyphen');
/** Passwords: long enough to resist guessing, short enough to bound scrypt's input. */
export const password = z.string().min(10).max(256);
export const loginPassword = z.string().min(1).max(256);
export const freeText = (max: number) => z.string().trim().max(max);

export const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
/** A file streamed to the browser-mode bridge's upload endpoint (`POST /api/upload`), by the id it answered. */
export const uploadRef = z.object({ upload: z.string().regex(/^[A-Za-z0-9_-]{22}$/) }).strict();
/**
 * A file's content in a request: its bytes (Electron IPC, CLI) or, in browser mode, a reference to a streamed upload,
 * so that large files never travel inside JSON. Every request field that carries a file uses this.
 */
export const fileBody = z.union([bytes, uploadRef]);
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

/** Declares one request/response channel. */
export function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, access: Access) {
  return { request, response, access } as const;
}

export const expertOnly = ['expert'] as const satisfies readonly Role[];
export const caseReaders = ['expert', 'judge', 'clerk'] as const satisfies readonly Role[];
export const caseCreators = ['expert', 'judge'] as const satisfies readonly Role[];
export const adminOnly = ['administrator'] as const satisfies readonly Role[];
export const auditors = ['clerk', 'administrator'] as const satisfies readonly Role[];
export const isoFilter = z.string().datetime().optional();
export const judgesOnly = ['judge'] as const satisfies readonly Role[];
export const modelReaders = ['judge', 'clerk', 'administrator'] as const satisfies readonly Role[];
export const verdictEnterers = ['judge', 'clerk'] as const satisfies readonly Role[];
