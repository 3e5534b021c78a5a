/** The problem codes the bundle verifier reports, each with a translated headline under audit.verify.codes.*. */
export const verifyProblemCodes = [
  'missing-file',
  'checksum-mismatch',
  'unlisted-file',
  'malformed',
  'unknown-key',
  'bad-signature',
  'changed-entry',
  'bad-proof',
  'bad-tile',
  'missing-entry',
  'reordered',
  'truncated',
  'inconsistent',
  'bad-cosignature',
] as const;

/** True when a problem code has its own translation (others get a generic headline). */
export function isKnownProblemCode(code: string): code is (typeof verifyProblemCodes)[number] {
  return (verifyProblemCodes as readonly string[]).includes(code);
}
