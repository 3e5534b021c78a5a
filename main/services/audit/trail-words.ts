/**
 * The interface's own words for the audit trail (renderer/src/i18n/{kk,ru,en}.json: action names, roles, signature
 * meanings, the trail's column titles), read here so the clerk's trail.pdf says exactly what the trail screen says
 * and a new action is named in one place only.
 */
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };
import kk from '../../../renderer/src/i18n/kk.json' with { type: 'json' };
import ru from '../../../renderer/src/i18n/ru.json' with { type: 'json' };

/** A language the trail is written in. */
export type TrailLanguage = 'kk' | 'ru' | 'en';

const tables: Readonly<Record<TrailLanguage, unknown>> = { kk, ru, en };

/** The string at a dotted path of one language's table, or null when there is none (a group is not a string). */
function lookup(language: TrailLanguage, path: string): string | null {
  let node: unknown = tables[language];
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}

/** The interface's words in one language, with i18next's `{{name}}` placeholders filled. */
export class TrailWords {
  constructor(readonly language: TrailLanguage) {}

  /** The phrase at `path`; a missing key is a build mistake, so it fails loudly rather than printing the key. */
  phrase(path: string, values: Readonly<Record<string, string | number>> = {}): string {
    const text = lookup(this.language, path) ?? lookup('en', path);
    if (text === null) throw new Error(`trail words: no phrase ${path} in ${this.language}`);
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  }

  /** An action in words, as the trail screen names it; an action this version does not know gets the generic label. */
  action(code: string): string {
    return lookup(this.language, `audit.actions.${code}`) ?? this.phrase('audit.actions.other');
  }

  /** A role in words, or null for a role this version does not know. */
  role(code: string): string | null {
    return lookup(this.language, `roles.${code}`);
  }

  /** A signature's meaning in words, or null for one this version does not know. */
  meaning(code: string): string | null {
    return lookup(this.language, `review.meanings.${code}`);
  }
}
