import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../main/contract/index.ts';
import { actionText, entryAbout } from '../../renderer/src/audit/entry-words.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every action code the services can append: literal `action: '…'`, chosen ones (`? 'a' : 'b'`), the review and custody maps. */
function appendedActions(): string[] {
  const found = new Set<string>();
  const code = /'((?:auth|user|settings|case|evidence|analysis|findings|finding|review|report|library|decision|verdict|audit|laws|corpus|models|documents)\.[a-z-]+)'/g;
  for (const file of sources('main/services')) {
    const text = readFileSync(file, 'utf8');
    for (const line of text.split('\n')) {
      if (!/action|Action|: '(review|audit)\./.test(line)) continue;
      for (const match of line.matchAll(code)) found.add(match[1]!);
    }
    // Custody events become `evidence.<action>` entries.
    const custody = /export type CustodyAction = ([^;]+);/.exec(text);
    if (custody) for (const m of custody[1]!.matchAll(/'([a-z-]+)'/g)) found.add(`evidence.${m[1]}`);
  }
  return [...found].sort();
}

function view(action: string, extra: Partial<AuditEntryView> = {}, details: Record<string, unknown> = {}): AuditEntryView {
  return { seq: 7, at: '2026-01-02T11:00:00.000Z', actor: 'aigul', role: 'clerk', action, caseId: null, entry: JSON.stringify({ action, details }), ...extra };
}

describe('audit trail: actions in words', () => {
  const actions = appendedActions();

  it('finds the actions the services append (sanity check of the scan)', () => {
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'user.password-reset', 'evidence.received', 'review.signed', 'audit.exported', 'settings.changed', 'analysis.cancelled']));
    expect(actions.length).toBeGreaterThan(45);
  });

  it.each(['kk', 'ru', 'en'] as const)('words every action in %s, never the code', (language) => {
    const { t } = { t: createI18n(language).t };
    const other = t('audit.actions.other');
    for (const action of actions) {
      const text = actionText(t, action);
      expect(text, action).not.toBe(other);
      expect(text, action).not.toContain(action);
      expect(text, action).not.toMatch(/^audit\.actions\./);
    }
    expect(actionText(t, 'future.thing')).toBe(other);
  });

  it('says what an entry is about: case number, file name, account, setting; no ids', () => {
    const { t } = createI18n('ru');
    expect(entryAbout(t, view('evidence.received', { caseId: 'c1', caseNumber: '2-77/2026', evidenceName: 'гильза-1.x3p' }), undefined)).toEqual(['Дело № 2-77/2026', 'Файл: гильза-1.x3p']);
    expect(entryAbout(t, view('user.role-changed', { subjectUserName: 'Айгүл' }, { username: 'aigul', from: 'clerk', to: 'judge' }), undefined)).toEqual([
      'Учётная запись: Айгүл',
      'Новая роль: Судья',
    ]);
    expect(entryAbout(t, view('settings.changed', {}, { setting: 'workstationName', from: 'a', to: 'b' }), undefined)).toEqual(['Название рабочего места']);
    expect(entryAbout(t, view('report.exported', { caseId: 'c1' }, { fileName: 'report.pdf' }), '2-77/2026')).toEqual(['Дело № 2-77/2026', 'Файл: report.pdf']);
    expect(entryAbout(t, view('auth.login-failed', {}, { username: 'probe' }), undefined)).toEqual([]);
    expect(entryAbout(t, view('analysis.failed', { caseId: 'c1' }, { code: 'BAD_INPUT', message: 'bare.jpg: …', params: { file: 'bare.jpg', reasonCode: 'target-not-found' } }), '2-77/2026')).toEqual(['Дело № 2-77/2026', 'Файл: bare.jpg']);
  });
});
