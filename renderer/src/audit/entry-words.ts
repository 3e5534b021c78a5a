import type { TFunction } from 'i18next';
import type { AuditEntryView } from '../../../main/contract/index.ts';

/** The translation key of an action in words; an action this version does not know gets a generic label. */
export function actionKey(t: TFunction, action: string): string {
  const key = `audit.actions.${action}`;
  // An action's group (e.g. 'user') is also an object of translations, and a missing key comes back as itself:
  // only a translated leaf string counts as known.
  const found: unknown = t(key, { returnObjects: true });
  return typeof found === 'string' && found !== key ? key : 'audit.actions.other';
}

/** The entry's action in words, in the interface language. */
export function actionText(t: TFunction, action: string): string {
  return t(actionKey(t, action));
}

interface Details {
  readonly details?: Record<string, unknown>;
}

function detailsOf(entry: AuditEntryView): Record<string, unknown> {
  try {
    return (JSON.parse(entry.entry) as Details).details ?? {};
  } catch {
    return {};
  }
}

const settingKeys = ['workstationName', 'technicalReviewRequired', 'clerksMayRecordVerdicts', 'researchCaseTypes'];

/**
 * What an entry is about, as short phrases: the case's number, the file (evidence, report or bundle), the account
 * concerned, the setting changed. Never ids: an entry about something with no name shows nothing here (its
 * particulars are in the entry's detail view).
 */
export function entryAbout(t: TFunction, entry: AuditEntryView, knownCaseNumber: string | undefined): string[] {
  const details = detailsOf(entry);
  const about: string[] = [];
  const caseNumber = entry.caseNumber ?? knownCaseNumber;
  if (caseNumber) about.push(t('audit.about.case', { number: caseNumber }));
  // A failed analysis names the file its method refused in the error's parameters.
  const params = typeof details.params === 'object' && details.params !== null ? (details.params as Record<string, unknown>) : {};
  const file = entry.evidenceName ?? (typeof details.fileName === 'string' ? details.fileName : typeof params.file === 'string' ? params.file : null);
  if (file) about.push(t('audit.about.file', { name: file }));
  const user = entry.subjectUserName ?? (typeof details.username === 'string' && entry.action.startsWith('user.') ? details.username : null);
  // Log-in, log-out and password checks are about the actor's own account, which the actor column already names.
  if (user && !entry.action.startsWith('auth.')) about.push(t('audit.about.user', { name: user }));
  // Only a settings change names a setting in its details.
  if (typeof details.setting === 'string' && settingKeys.includes(details.setting)) {
    about.push(details.setting === 'workstationName' ? t('settings.workstationName') : t(`settings.${details.setting}.label`));
  }
  if (entry.action === 'user.role-changed' && typeof details.to === 'string') about.push(t('audit.about.newRole', { role: t(`roles.${details.to}`) }));
  return about;
}
