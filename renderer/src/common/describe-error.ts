import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../../main/contract/index.ts';
import { ApiError } from '../api/api-error.ts';
import { BridgeError } from '../api/bridge-error.ts';
import type { Formatters } from './format.ts';

/** Intake rejection reasons the services report in `params.reasonCode`, each with a translation. */
export const intakeReasons = ['truncated', 'too-many-pixels', 'unsupported-type', 'too-large', 'corrupt', 'unsupported-depth'] as const;

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
    else out[name] = name === 'size' || (name === 'limit' && param(info, 'reasonCode') === 'too-large') ? format.size(value) : format.integer(value);
  }
  return out;
}

function auditReason(info: ErrorInfo): (typeof auditReasons)[number] | null {
  const reason = param(info, 'reasonCode');
  return typeof reason === 'string' && (auditReasons as readonly string[]).includes(reason) ? (reason as (typeof auditReasons)[number]) : null;
}

function describeInfo(t: TFunction, info: ErrorInfo, format: Formatters): string {
  const audit = auditReason(info);
  switch (info.code) {
    case 'BAD_INPUT': {
      const file = param(info, 'file');
      const reason = param(info, 'reasonCode');
      if (file === undefined) return audit ? t(`errors.audit.${audit}`) : t('errors.BAD_INPUT');
      if (typeof reason === 'string' && (intakeReasons as readonly string[]).includes(reason)) {
        return t(`intake.reasons.${reason}`, { ...readableParams(info, format), file });
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
      return t('errors.CONFLICT');
    case 'NOT_FOUND':
      if (audit) return t(`errors.audit.${audit}`);
      if (param(info, 'name') !== undefined) return t('errors.exportMissing', { name: param(info, 'name') });
      return t('errors.NOT_FOUND');
    case 'KEY_LOCKED':
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
