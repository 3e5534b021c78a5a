import type { TFunction } from 'i18next';
import { errorCodes, type AnalysisRun, type ErrorInfo } from '../../../main/contract/index.ts';
import { ApiError } from '../api/api-error.ts';
import { BridgeError } from '../api/bridge-error.ts';
import type { Formatters } from './format.ts';

/** Intake rejection reasons the services report in `params.reasonCode`, each with a translation. */
export const intakeReasons = [
  'truncated',
  'too-many-pixels',
  'unsupported-type',
  'too-large',
  'corrupt',
  'unsupported-depth',
  // A method's domain and data sanity checks, and declarations of what an item is (forensic modules).
  'wrong-evidence-kind',
  'implausible-pixel-size',
  'too-many-missing',
  'implausible-heights',
  'flat-background',
  'kind-format-mismatch',
  'pixel-size-not-applicable',
  'empty-file',
  'name-mismatch',
  'not-x3p',
  'empty-image',
  // The crop rectangle an expert drew on a handwriting page.
  'crop-outside-page',
  'crop-unknown-page',
  // Reading the text of a document (OCR).
  'not-a-document',
  'zip-not-document',
  'unsupported-document',
  'undecodable-image',
  'unreadable-pdf',
  'empty-pdf',
  'too-many-pages',
  'empty-page',
  'no-text',
  // Files of the verdict corpus and its watched inbox (decision texts, structured files, the inbox folder).
  'not-docx',
  'no-text-layer',
  'not-utf8',
  'blank-text',
  'unreadable',
  'malformed-csv',
  'missing-columns',
  'unpacks-too-large',
  'not-a-folder',
  // The text of a code imported into the legal-acts store.
  'text-not-utf8',
  'no-articles',
] as const;

/**
 * Intake reasons with a more precise sentence under intake.detailed.*, used when the refusal carries these parameters
 * (the file's sniffer sends them; other services refusing with the same code may not).
 */
export const detailedIntakeReasons = {
  truncated: ['format'],
  corrupt: ['format'],
  'unsupported-type': ['detected'],
  'unsupported-depth': ['bits'],
} as const satisfies Partial<Record<(typeof intakeReasons)[number], readonly string[]>>;

/** File kinds a refusal names in `expected` / `detected`, each with a translation under intake.formats.*. */
export const intakeFormats = ['png', 'jpeg', 'tiff', 'x3p', 'pdf', 'exe', 'elf', 'script', 'gif', 'bmp', 'zip', 'unknown'] as const;

/**
 * Refusals of the audit log's key, checkpoint and cosignature operations, reported in `params.reasonCode`, each with
 * a translation under errors.audit.*.
 */
export const auditReasons = [
  'bad-key',
  'malformed',
  'no-cosignature',
  'bad-signature',
  'unknown-checkpoint',
  'key-mismatch',
  'wrong-passphrase',
  'sealed-tampered',
  'not-sealed',
  'sealed-version',
] as const;

/**
 * Refusals of the case review, the findings and the lab report (signed cases, second-expert rule, amendments that
 * contradict their geometry), reported in `params.reason`, each with a translation under errors.review.*.
 */
export const reviewReasons = [
  'case-signed',
  'case-not-editable',
  'report-no-findings',
  'second-expert-required',
  'technical-review-missing',
  'undecided-findings',
  'no-findings',
  'illegal-transition',
  'already-required',
  'reason-required',
  'geometry-mismatch',
  'geometry-missing',
  'geometry-malformed',
] as const;

/**
 * Why a forensic method could not use an item (the methods' own checks: a blank page, a photo without its colour
 * target, an over-exposed well…), reported in `params.reasonCode`, each with a translation under analysis.failures.*.
 */
export const analysisFailureReasons = [
  'no-writing',
  'print-only',
  'page-too-dark',
  'scale',
  'crop',
  'too-small',
  'empty',
  'too-few-points',
  'pixel-size',
  'format',
  'checksum',
  'size-mismatch',
  'unsupported',
  'photo-unreadable',
  'photo-format',
  'photo-clipped',
  'photo-underexposed',
  'target-not-found',
  'target-corners',
  'calibration-failed',
  'calibration-residual',
  'well-not-found',
  'no-reagents',
  'bad-assignment',
  'no-card',
  'no-contrast',
  'card-outside',
  'bad-corners',
  'panel-json',
  'panel-field',
  'target-json',
  'target-field',
  'empty-field',
  'missing-column',
  'bad-number',
] as const;

/** Runs ended by the workstation itself (stopped by a crash or power loss, or closed), under analysis.failures.*. */
const workstationEnds = ['workstation-stopped', 'workstation-closed'] as const;

/** New signing-key passphrases must be at least this long (the services' rule, repeated for the form and messages). */
export const minimumKeyPassphrase = 12;

function param(info: ErrorInfo, name: string): string | number | undefined {
  return info.params?.[name];
}

/** The numeric parameters of an intake rejection, formatted for the reader (sizes in units, counts grouped). */
function readableParams(info: ErrorInfo, format: Formatters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(info.params ?? {})) {
    if (typeof value !== 'number') out[name] = value;
    else out[name] = name === 'size' || (name === 'limit' && ['too-large', 'unpacks-too-large'].includes(String(param(info, 'reasonCode')))) ? format.size(value) : format.integer(value);
  }
  // A file a byte past its limit would read "64 MB is larger than the limit of 64 MB": then both are given in bytes.
  const size = param(info, 'size');
  const limit = param(info, 'limit');
  if (typeof size === 'number' && typeof limit === 'number' && out.size === out.limit) {
    out.size = format.exactBytes(size);
    out.limit = format.exactBytes(limit);
  }
  return out;
}

/** The translated names of the kinds a refusal mentions (what the name promised, what the content is). */
function formatNames(t: TFunction, info: ErrorInfo): Record<string, string> {
  const name = (code: unknown) => t(`intake.formats.${(intakeFormats as readonly unknown[]).includes(code) ? String(code) : 'unknown'}`);
  return { expectedFormat: name(param(info, 'expected')), detectedFormat: name(param(info, 'detected')) };
}

function auditReason(info: ErrorInfo): (typeof auditReasons)[number] | null {
  const reason = param(info, 'reasonCode');
  return typeof reason === 'string' && (auditReasons as readonly string[]).includes(reason) ? (reason as (typeof auditReasons)[number]) : null;
}

function reviewReason(info: ErrorInfo): (typeof reviewReasons)[number] | null {
  const reason = param(info, 'reason');
  return typeof reason === 'string' && (reviewReasons as readonly string[]).includes(reason) ? (reason as (typeof reviewReasons)[number]) : null;
}

/** An error as the service reported it (kept, or just received), in the user's language. */
export function describeInfo(t: TFunction, info: ErrorInfo, format: Formatters): string {
  const audit = auditReason(info);
  const review = reviewReason(info);
  if (review && (info.code === 'CONFLICT' || info.code === 'BAD_INPUT')) {
    const expected = param(info, 'expected');
    return t(`errors.review.${review}`, { expected: typeof expected === 'number' ? new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 }).format(expected) : (expected ?? '') });
  }
  switch (info.code) {
    case 'BAD_INPUT': {
      const file = param(info, 'file');
      const reason = param(info, 'reasonCode');
      if (file === undefined) return audit ? t(`errors.audit.${audit}`) : t('errors.BAD_INPUT');
      if (typeof reason === 'string' && (intakeReasons as readonly string[]).includes(reason)) {
        const values = { ...readableParams(info, format), ...formatNames(t, info), file };
        const needs = (detailedIntakeReasons as Partial<Record<string, readonly string[]>>)[reason];
        const detailed = needs !== undefined && needs.every((name) => param(info, name) !== undefined);
        return t(detailed ? `intake.detailed.${reason}` : `intake.reasons.${reason}`, values);
      }
      if (typeof reason === 'string' && (analysisFailureReasons as readonly string[]).includes(reason)) {
        const well = param(info, 'well');
        const patches = param(info, 'patches');
        const where = well !== undefined ? t('analysis.failureWhere.well', { well }) : patches !== undefined ? t('analysis.failureWhere.patches', { patches }) : '';
        return t(`analysis.failures.${reason as (typeof analysisFailureReasons)[number]}`, { ...readableParams(info, format), file, where });
      }
      return t('intake.reasons.unknown', { file });
    }
    case 'CONFLICT':
      if (param(info, 'username') !== undefined) return t('errors.conflictUsername', { username: param(info, 'username') });
      if (param(info, 'number') !== undefined) return t('errors.conflictCaseNumber', { number: param(info, 'number') });
      if (param(info, 'reason') === 'no-signing-key') return t('errors.noSigningKey');
      if (param(info, 'sealer') !== undefined) return t('errors.keySealedBy', { sealer: t(`audit.sealers.${param(info, 'sealer')}`, { defaultValue: String(param(info, 'sealer')) }) });
      // The only conflict naming an entry: its proof was asked for before a checkpoint covered it.
      if (param(info, 'seq') !== undefined) return t('errors.notCheckpointed', { seq: param(info, 'seq') });
      if (param(info, 'reasonCode') === 'last-administrator') return t('users.lastAdministrator');
      if (param(info, 'reasonCode') === 'law-version-exists') {
        const code = String(param(info, 'code'));
        return t('laws.import.versionExists', { code: t(`laws.codes.${code}`, { defaultValue: code }), version: param(info, 'version'), stored: param(info, 'stored') });
      }
      return t('errors.CONFLICT');
    case 'NOT_FOUND':
      if (audit) return t(`errors.audit.${audit}`);
      if (param(info, 'name') !== undefined) return t('errors.exportMissing', { name: param(info, 'name') });
      return t('errors.NOT_FOUND');
    case 'KEY_LOCKED':
      // Said to whoever asked, expert or judge included: who must create or unlock the key, and where.
      if (param(info, 'reason') === 'no-signing-key') return t('errors.keyMissingForReport');
      if (param(info, 'reason') === 'signing-key-locked') return t('errors.keyLockedForReport');
      return t('errors.signingKeyLocked');
    case 'INVALID_CREDENTIALS': {
      if (audit) return t(`errors.audit.${audit}`);
      const left = param(info, 'attemptsLeft');
      return left === undefined ? t('errors.INVALID_CREDENTIALS') : t('errors.invalidCredentialsAttempts', { attemptsLeft: left });
    }
    case 'ACCOUNT_LOCKED': {
      const until = param(info, 'until');
      return typeof until === 'string' ? t('errors.accountLockedUntil', { until: format.dateTime(until) }) : t('errors.ACCOUNT_LOCKED');
    }
    case 'VALIDATION': {
      const field = param(info, 'field');
      if (field === 'passphrase' || field === 'newPassphrase') return t('errors.keyPassphraseLength', { min: minimumKeyPassphrase });
      if (param(info, 'reasonCode') === 'same-password') return t('validation.samePassword');
      return t('errors.VALIDATION', { field: field ?? '—' });
    }
    case 'UNAUTHENTICATED':
      return param(info, 'reason') === 'reauth-required' ? t('errors.reauthRequired') : t('errors.UNAUTHENTICATED');
    default:
      return t(`errors.${info.code}`);
  }
}

/**
 * A user-readable, translated sentence for any failure: service errors by code (naming the file for rejected
 * evidence), bridge and network failures, and anything else as an unexpected error, which is also logged, since a
 * bug must never be swallowed.
 */
export function describeError(t: TFunction, error: unknown, format: Formatters): string {
  if (error instanceof ApiError) return describeInfo(t, error.info, format);
  if (error instanceof BridgeError) return error.status === 401 ? t('errors.bridgeToken') : t('errors.bridgeStatus', { status: error.status });
  if (error instanceof TypeError) return t('errors.network');
  console.error('[dalel] unexpected error:', error);
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * Why an analysis run failed, in the user's language: from the reason its method or the workstation gave; a run
 * recorded before reasons were kept says only that it failed (its English sentence stays in the audit log).
 */
export function describeRunFailure(t: TFunction, error: NonNullable<AnalysisRun['error']>, format: Formatters): string {
  const reason = error.params?.reasonCode;
  if (typeof reason === 'string' && (workstationEnds as readonly string[]).includes(reason)) return t(`analysis.failures.${reason as (typeof workstationEnds)[number]}`);
  const code = (errorCodes as readonly string[]).includes(error.code) ? (error.code as ErrorInfo['code']) : 'INTERNAL';
  return describeInfo(t, { code, message: error.message, ...(error.params ? { params: error.params } : {}) }, format);
}
