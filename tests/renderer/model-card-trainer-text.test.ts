import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../models/ebm/evaluate.ts';
import { loadCaseTypes, type CaseType, type SplitSpec } from '../../models/cases/case-type.ts';
import { splitCases } from '../../models/ebm/case-split.ts';
import { rollingBacktest } from '../../models/ebm/rolling-backtest.ts';
import { intendedUseSentence, limitations, modelKind } from '../../models/ebm/train-case-type.ts';
import { intendedUseText, limitationText, modelKindText, splitText, type CardTextContext } from '../../renderer/src/decision/model-card-text.ts';
import kk from '../../renderer/src/i18n/kk.json';
import ru from '../../renderer/src/i18n/ru.json';

// The renderer recognises the trainer's English sentences by their exact wording and says them again from their
// facts; a sentence it does not recognise is shown in English as written. Here every sentence the trainer can write
// for a shipped case type (each outcome; its own split and the other kind; generated cases or not) is built by the
// trainer's own code and must come back in Kazakh and Russian, never as the English it was given.

const languages = { kk: { translation: kk, locale: 'kk-KZ' }, ru: { translation: ru, locale: 'ru-RU' } } as const;

async function contextFor(language: keyof typeof languages, caseTypeId: string): Promise<CardTextContext> {
  // No fallback language: a key missing in this language shows as the key, which the checks below catch.
  const i18n = createInstance();
  await i18n.init({ lng: language, resources: { [language]: { translation: languages[language].translation } }, fallbackLng: false, interpolation: { escapeValue: false } });
  return { t: i18n.t.bind(i18n) as TFunction, locale: languages[language].locale, exists: (key) => i18n.exists(key), caseTypeId };
}

/** The splits the trainer may meet for a case type: its own, and the other kind (temporal needs a time field). */
function splitsOf(caseType: CaseType): SplitSpec[] {
  const time = caseType.fields.find((f) => f.role.role === 'time');
  const temporal: SplitSpec[] = time ? [{ kind: 'temporal', field: time.name, testFrom: time.type === 'string' ? '2024-01-01' : 2005 }] : [];
  return [caseType.meta.split, { kind: 'random', testFraction: 0.2, seed: 20250701 }, ...temporal];
}

/** The trainer's sentences for one case type, split and kind of data, each with the function that says it. */
function trainerSentences(caseType: CaseType, split: SplitSpec, synthetic: boolean): Array<{ what: string; english: string; say: (ctx: CardTextContext) => string }> {
  const withSplit: CaseType = { ...caseType, meta: { ...caseType.meta, split } };
  const description = splitCases(split, []).description;
  // Over a random split the backtest retrains nothing and only says why (its folds are for splits in time).
  const heldOut = { train: [], test: [], evaluation: {} as Evaluation };
  const backtest = split.kind === 'random' ? rollingBacktest({ caseType: withSplit, split, outcome: caseType.meta.outcomes[0]!, rows: [], synthetic, heldOut }) : null;
  return [
    ...caseType.meta.outcomes.map((o) => {
      const english = intendedUseSentence(o.name, caseType.id);
      const card = { intendedUse: english, outcome: { name: o.name, kind: o.kind }, caseType: { id: caseType.id, version: caseType.version, sha256: caseType.sha256, title: caseType.title } };
      return { what: `intended use of ${o.name}`, english, say: (ctx: CardTextContext) => intendedUseText(ctx, card) };
    }),
    { what: 'model kind', english: modelKind, say: (ctx) => modelKindText(ctx, modelKind) },
    { what: 'split', english: description, say: (ctx) => splitText(ctx, description) },
    ...(backtest?.kind === 'unordered' ? [{ what: 'backtest split', english: backtest.split, say: (ctx: CardTextContext) => splitText(ctx, backtest.split) }] : []),
    ...limitations(withSplit, { split: { description }, synthetic }).map((english) => ({ what: 'limitation', english, say: (ctx: CardTextContext) => limitationText(ctx, english) })),
  ];
}

// The English the trainer writes, and i18next's keys: neither may reach a Kazakh or Russian card.
const englishWords = /\b(advisory|validated|trained|tested|held out|never an input|referred|synthetic|boosting|estimate)\b/i;
const translationKey = /\bdecision(Schema)?\.[A-Za-z]/;

describe("every sentence the trainer writes on a card is one the renderer says in the reader's language", () => {
  const caseTypes = loadCaseTypes();
  const cases = caseTypes.flatMap((caseType) => splitsOf(caseType).flatMap((split) => [false, true].map((synthetic) => ({ name: `${caseType.id} ${caseType.version}, ${split.kind} split${synthetic ? ', synthetic' : ''}`, caseType, split, synthetic }))));

  it('covers every shipped case type with both kinds of split, generated cases or not', () => {
    expect(new Set(cases.map((c) => c.caseType.id))).toEqual(new Set(caseTypes.map((c) => c.id)));
    expect(new Set(cases.map((c) => c.split.kind))).toEqual(new Set(['random', 'temporal']));
  });

  it.each(cases)('$name', async ({ caseType, split, synthetic }) => {
    const sentences = trainerSentences(caseType, split, synthetic);
    expect(sentences.filter((s) => s.what === 'limitation').length).toBeGreaterThanOrEqual(synthetic ? 4 : 3);
    for (const language of ['kk', 'ru'] as const) {
      const ctx = await contextFor(language, caseType.id);
      for (const { what, english, say } of sentences) {
        const said = say(ctx);
        const label = `${language} ${what}: ${english}`;
        expect(said, label).not.toBe(english);
        expect(said, label).not.toMatch(englishWords);
        expect(said, label).not.toMatch(translationKey);
      }
    }
  });
});
