import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseTypes, errorCodes, evidenceKinds, isEventChannel, isRequestChannel, roles } from '../../main/contract/index.ts';
import { auditSectionIds } from '../../renderer/src/audit/audit-sections.ts';
import { checkpointReasons } from '../../renderer/src/audit/checkpoint-reason.ts';
import { keyPart } from '../../renderer/src/decision/decision-text.ts';
import { verifyProblemCodes } from '../../renderer/src/audit/verify-codes.ts';
import { analysisFailureReasons, auditReasons, detailedIntakeReasons, intakeFormats, intakeReasons } from '../../renderer/src/common/describe-error.ts';
import { knownCustodyActions } from '../../renderer/src/evidence/custody-table.tsx';
import en from '../../renderer/src/i18n/en.json';
import kk from '../../renderer/src/i18n/kk.json';
import ru from '../../renderer/src/i18n/ru.json';
import { formattingLocale, initialLanguage, languages, pickLanguage } from '../../renderer/src/i18n/languages.ts';
import { workspaceIds, type CaseWorkspaceId } from '../../renderer/src/shell/workspaces.ts';

type Tree = { readonly [key: string]: string | Tree };
const resources: Record<string, Tree> = { en, ru, kk };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(resources).map(([lng, tree]) => [lng, flatten(tree)])) as Record<string, Map<string, string>>;
const english = flat.en!;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translation resources', () => {
  it('have exactly the same keys in Kazakh, Russian and English', () => {
    const keys = [...english.keys()].sort();
    expect([...flat.ru!.keys()].sort()).toEqual(keys);
    expect([...flat.kk!.keys()].sort()).toEqual(keys);
  });

  it('have no empty strings', () => {
    for (const [lng, map] of Object.entries(flat)) {
      for (const [key, value] of map) expect(value.trim(), `${lng}:${key}`).not.toBe('');
    }
  });

  it('use the same interpolation placeholders in every language', () => {
    for (const [key, value] of english) {
      expect(placeholders(flat.ru!.get(key) ?? ''), `ru:${key}`).toEqual(placeholders(value));
      expect(placeholders(flat.kk!.get(key) ?? ''), `kk:${key}`).toEqual(placeholders(value));
    }
  });

  it('translate every error code, role, case type, evidence kind, intake reason, custody action and workspace', () => {
    const needed = [
      ...errorCodes.map((c) => `errors.${c}`),
      ...roles.map((r) => `roles.${r}`),
      ...caseTypes.map((c) => `caseTypes.${c}`),
      ...evidenceKinds.map((k) => `evidenceKinds.${k}`),
      ...intakeReasons.map((r) => `intake.reasons.${r}`),
      ...Object.keys(detailedIntakeReasons).map((r) => `intake.detailed.${r}`),
      ...intakeFormats.map((f) => `intake.formats.${f}`),
      ...knownCustodyActions.map((a) => `custody.actions.${a}`),
      ...workspaceIds.map((w) => `workspaces.${w}`),
      ...workspaceIds.filter((w): w is CaseWorkspaceId => w !== 'users' && w !== 'audit' && w !== 'models' && w !== 'settings').map((w) => `cases.intro.${w}`),
    ];
    for (const key of needed) expect(english.has(key), key).toBe(true);
  });

  it('translate every audit section, key state, export scope, verifier problem, checkpoint reason and audit refusal', () => {
    const needed = [
      ...auditSectionIds.map((s) => `audit.sections.${s}`),
      ...['clerk', 'audit'].map((w) => `audit.intro.${w}`),
      ...['unlocked', 'locked', 'none'].map((s) => `audit.keyState.${s}`),
      ...['passphrase', 'os-keystore'].map((s) => `audit.sealers.${s}`),
      ...['all', 'case', 'range'].map((s) => `audit.exporting.scopes.${s}`),
      ...[...verifyProblemCodes, 'other'].map((c) => `audit.verify.codes.${c}`),
      ...Object.values(checkpointReasons).map((r) => `audit.checkpoints.reasons.${r}`),
      ...auditReasons.map((r) => `errors.audit.${r}`),
    ];
    for (const key of needed) expect(english.has(key), key).toBe(true);
  });

  it('name the file in every intake rejection message', () => {
    for (const [lng, map] of Object.entries(flat)) {
      for (const reason of [...intakeReasons, 'unknown']) expect(map.get(`intake.reasons.${reason}`), `${lng}:${reason}`).toContain('{{file}}');
      for (const reason of Object.keys(detailedIntakeReasons)) expect(map.get(`intake.detailed.${reason}`), `${lng}:${reason}`).toContain('{{file}}');
    }
  });

  it('word every reason a forensic method refuses an item for, naming the file, in every language', () => {
    // The reason codes native/ throws (badInput(file, 'code', …)); codes passed on from a codec's own error are intake reasons.
    const thrown = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), 'native'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/badInput\(\s*[^,]+,\s*'([a-z0-9-]+)'/g)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(30);
    const worded = new Set<string>([...intakeReasons, ...analysisFailureReasons]);
    expect([...thrown].filter((code) => !worded.has(code))).toEqual([]);
    for (const [lng, map] of Object.entries(flat)) {
      for (const reason of analysisFailureReasons) {
        const text = map.get(`analysis.failures.${reason}`);
        expect(text, `${lng}:${reason}`).toBeDefined();
        // The reagent assignment is typed into the dialog, not a file.
        if (reason !== 'bad-assignment') expect(text, `${lng}:${reason}`).toContain('{{file}}');
      }
    }
  });

  it('name every input of every shipped decision case type in Kazakh and Russian, the research ones too', () => {
    const dir = join(process.cwd(), 'assets', 'decision', 'case-types');
    const untranslated: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { 'x-dalel': { id: string }; properties: Record<string, { 'x-dalel'?: { role?: string } }> };
      const id = schema['x-dalel'].id;
      for (const [name, property] of Object.entries(schema.properties)) {
        // Outcomes are named by decision.outcomes.*; every other field shows on a form, a card or a report.
        if (property['x-dalel']?.role === 'outcome' && !flat.en!.has(`decisionSchema.${id}.fields.${name}`)) continue;
        const key = `decisionSchema.${id}.fields.${name}`;
        for (const lng of ['kk', 'ru']) {
          const text = flat[lng]!.get(key);
          if (text === undefined || text === english.get(key)) untranslated.push(`${file} ${name} (${lng})`);
        }
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('word every option of every shipped decision case type in each language, protected attributes too', () => {
    // A value without its own words shows the schema's label, which is Russian (or English for the research types)
    // whatever the reader's language: the criminal demo's disparity report once named its groups "женщина" in English.
    const dir = join(process.cwd(), 'assets', 'decision', 'case-types');
    type Property = { enum?: unknown[]; items?: { enum?: unknown[] }; 'x-dalel'?: { role?: string; labels?: Record<string, string> } };
    const missing: string[] = [];
    let options = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { 'x-dalel': { id: string }; properties: Record<string, Property> };
      const id = schema['x-dalel'].id;
      for (const [name, property] of Object.entries(schema.properties)) {
        if (property['x-dalel']?.role === 'outcome') continue;
        const values = new Set([...Object.keys(property['x-dalel']?.labels ?? {}), ...(property.enum ?? []), ...(property.items?.enum ?? [])].filter((v): v is string => typeof v === 'string'));
        for (const value of values) {
          options += 1;
          const key = `decisionSchema.${keyPart(id)}.options.${keyPart(name)}.${keyPart(value)}`;
          for (const lng of ['kk', 'ru', 'en']) if (!flat[lng]!.has(key)) missing.push(`${file} ${name}=${value} (${lng})`);
        }
      }
    }
    expect(options).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('contain every key the renderer source names literally', () => {
    const roots = Object.keys(en).join('|');
    const literal = new RegExp(`['"\`]((?:${roots})\\.[\\w.-]+)['"\`]`, 'g');
    const used = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), 'renderer', 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        // Channel names ('cases.list', 'users.add') share the dotted shape; they are not translation keys.
        if (!isRequestChannel(match[1]) && !isEventChannel(match[1])) used.add(match[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(english.has(key), key).toBe(true);
  });
});

describe('first-run language', () => {
  it('is Russian for a Russian locale, English for an English one, Kazakh for anything else', () => {
    expect(pickLanguage(['ru-RU'])).toBe('ru');
    expect(pickLanguage(['ru'])).toBe('ru');
    expect(pickLanguage(['en-US'])).toBe('en');
    expect(pickLanguage(['en-GB', 'ru-RU'])).toBe('en');
    expect(pickLanguage(['kk-KZ'])).toBe('kk');
    expect(pickLanguage(['de-DE'])).toBe('kk');
    expect(pickLanguage(['tr-TR', 'uz-UZ'])).toBe('kk');
    expect(pickLanguage([])).toBe('kk');
  });

  it('follows the order of the browser list, the first supported language winning', () => {
    expect(pickLanguage(['kk-KZ', 'ru-RU', 'en-US'])).toBe('kk');
    expect(pickLanguage(['de-DE', 'ru-RU'])).toBe('ru');
    expect(pickLanguage(['RU_ru'])).toBe('ru');
  });

  it('gives way to a saved choice, ignoring a saved value that is not a language', () => {
    expect(initialLanguage('en', ['ru-RU'])).toBe('en');
    expect(initialLanguage('kk', ['en-US'])).toBe('kk');
    expect(initialLanguage('fr', ['ru-RU'])).toBe('ru');
    expect(initialLanguage(null, ['de'])).toBe('kk');
    expect(languages).toEqual(['kk', 'ru', 'en']);
  });

  it('formats with the browser region when it speaks the interface language', () => {
    expect(formattingLocale('en', ['en-US'])).toBe('en-US');
    expect(formattingLocale('en', ['ru-RU'])).toBe('en-GB');
    expect(formattingLocale('kk', ['ru-RU'])).toBe('kk-KZ');
    expect(formattingLocale('ru', ['de-DE', 'ru-KZ'])).toBe('ru-KZ');
  });
});
