// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelCardSchema, type ModelCard } from '../../main/contract/index.ts';
import { ModelCardDialog } from '../../renderer/src/decision/model-card-dialog.tsx';
import { byTestId, cleanup, fakeApi, need, render } from './expert-harness.tsx';

afterEach(cleanup);

// The shipped cards, read by path (under jsdom, import.meta.url cannot be used) and checked against the contract.
const modelsDir = join(process.cwd(), 'assets', 'decision', 'models');
const shipped = readdirSync(modelsDir).map((folder) => ({ folder, card: ModelCardSchema.parse(JSON.parse(readFileSync(join(modelsDir, folder, 'model-card.json'), 'utf8'))) }));
const rows = (testId: string) => Array.from(document.querySelectorAll(`[data-testid="${testId}"]`));
const show = (card: ModelCard, language: 'kk' | 'ru' | 'en') => render(fakeApi({}).api, <ModelCardDialog card={card} onClose={() => undefined} />, language);

describe('the model card shows its rolling-origin backtest', () => {
  it.each(shipped)('$folder: every fold in words in Kazakh and Russian, the held-out test last', async ({ card }) => {
    const backtest = card.validation.backtest;
    expect(backtest?.kind).toBe('rolling-origin');
    if (backtest?.kind !== 'rolling-origin') return;
    const retrained = backtest.folds.filter((f) => !f.heldOut);
    expect(retrained.length).toBeGreaterThanOrEqual(3);
    for (const [language, title, heldOut, decimal] of [
      ['kk', 'Кейінгі кезеңдерде тексеру', 'кейінге қалдырылған тексерісі', ','],
      ['ru', 'Проверка на последующих периодах', 'отложенная проверка этой модели', ','],
    ] as const) {
      await show(card, language);
      const dialog = need('model-card-dialog').textContent!;
      expect(dialog).toContain(title);
      const folds = rows('model-card-backtest-fold');
      expect(folds).toHaveLength(retrained.length);
      retrained.forEach((fold, i) => {
        const text = folds[i]!.textContent!;
        expect(text).toContain(fold.testFrom);
        expect(text).toContain(fold.trainedBefore);
        // The model's figure and each baseline's, formatted as the card's other figures (decimal comma in kk/ru).
        const figures = fold.regression
          ? [fold.regression.meanAbsoluteError, ...fold.regression.baselines.map((b) => b.meanAbsoluteError)].map((v) => v.toFixed(2).replace(/\.?0+$/, '').replace('.', decimal))
          : [fold.classification!.accuracy, ...fold.classification!.baselines.map((b) => b.accuracy)].map((v) => (v * 100).toFixed(1).replace(/\.0$/, '').replace('.', decimal));
        for (const figure of figures) expect(text).toContain(figure);
      });
      expect(need('model-card-backtest-held-out').textContent).toContain(heldOut);
      expect(need('model-card-backtest').textContent).not.toMatch(/heldOut|trainedBefore|decision\.modelCard/);
      // Baselines in the reader's words, not as the trainer wrote them.
      expect(need('model-card-backtest').textContent).not.toMatch(/training median|majority class/);
      expect(need('model-card-validation').textContent).not.toMatch(/training median|majority class/);
      expect(need('model-card-backtest').textContent).toContain(card.outcome.kind === 'regression' ? (language === 'kk' ? 'оқыту істерінің медианасы' : 'медиана по обучающим делам') : language === 'kk' ? 'ең жиі нәтиже' : 'самый частый исход');
      cleanup();
    }
  });

  it('gives, for a classifier, how often it answered and how right it was then, beside the majority class (kk, ru, en)', async () => {
    const { card } = shipped.find((s) => s.card.outcome.kind === 'classification')!;
    const backtest = card.validation.backtest;
    if (backtest?.kind !== 'rolling-origin') throw new Error('the shipped classifier has no rolling-origin backtest');
    const percent = (v: number, decimal: string) => `${(v * 100).toFixed(1).replace(/\.0$/, '').replace('.', decimal)}`;
    for (const [language, words, decimal] of [
      ['kk', 'ең жиі нәтиже', ','],
      ['ru', 'самый частый исход', ','],
      ['en', 'majority class', '.'],
    ] as const) {
      await show(card, language);
      const cells = rows('model-card-backtest-answered').map((c) => c.textContent!);
      expect(cells).toHaveLength(backtest.folds.length);
      backtest.folds.forEach((fold, i) => {
        const answered = fold.classification!.answered!;
        for (const v of [answered.share, answered.accuracy, answered.majority]) expect(cells[i]).toContain(percent(v, decimal));
        expect(cells[i]).toContain(words);
      });
      expect(need('model-card-backtest-answered-note').textContent).not.toMatch(/decision\.modelCard/);
      // The held-out figures also stand in the validation section, for cards whose backtest has no table.
      const heldOut = card.validation.classification!.answered!;
      const line = need('model-card-answered').textContent!;
      for (const v of [heldOut.share, heldOut.accuracy, heldOut.majority]) expect(line).toContain(percent(v, decimal));
      expect(line).not.toMatch(/decision\.modelCard|\{\{/);
      cleanup();
    }
  });

  it('gives, for a term or an award, how often it answered, its error then beside the median, and its interval coverage then (kk, ru, en)', async () => {
    const term = shipped.find((s) => s.folder === 'kz-criminal-term-demo')!.card;
    const backtest = term.validation.backtest;
    const heldOut = term.validation.regression?.answered;
    if (backtest?.kind !== 'rolling-origin' || !heldOut) throw new Error('the shipped term model has no answered figures');
    const percent = (v: number, decimal: string) => (v * 100).toFixed(1).replace(/\.0$/, '').replace('.', decimal);
    const two = (v: number, decimal: string) => v.toFixed(2).replace(/\.?0+$/, '').replace('.', decimal);
    for (const [language, words, decimal] of [
      ['kk', 'медиана', ','],
      ['ru', 'медиана', ','],
      ['en', 'median', '.'],
    ] as const) {
      await show(term, language);
      const cells = rows('model-card-backtest-answered').map((c) => c.textContent!);
      expect(cells).toHaveLength(backtest.folds.length);
      backtest.folds.forEach((fold, i) => {
        const answered = fold.regression!.answered!;
        for (const v of [answered.share, answered.coverage80]) expect(cells[i]).toContain(percent(v, decimal));
        for (const v of [answered.meanAbsoluteError, answered.medianError]) expect(cells[i]).toContain(two(v, decimal));
        expect(cells[i]).toContain(words);
      });
      const line = need('model-card-answered').textContent!;
      for (const v of [heldOut.meanAbsoluteError, heldOut.medianError]) expect(line).toContain(two(v, decimal));
      expect(line).toContain(percent(heldOut.coverage80, decimal));
      expect(line + need('model-card-backtest-answered-note').textContent).not.toMatch(/decision\.modelCard|\{\{/);
      cleanup();
    }
    // A card written before these figures shows neither.
    const { answered: _dropped, ...regression } = term.validation.regression!;
    const folds = backtest.folds.map((f) => ({ ...f, regression: { meanAbsoluteError: f.regression!.meanAbsoluteError, baselines: f.regression!.baselines } }));
    await show(ModelCardSchema.parse({ ...term, validation: { ...term.validation, regression, backtest: { ...backtest, folds } } }), 'en');
    expect(byTestId('model-card-backtest-answered')).toBeNull();
    expect(byTestId('model-card-answered')).toBeNull();
  });

  it('loads a card written before backtests without a backtest table', async () => {
    const { card } = shipped[0]!;
    const { backtest: _dropped, ...validation } = card.validation;
    await show(ModelCardSchema.parse({ ...card, validation }), 'ru');
    expect(byTestId('model-card-backtest')).toBeNull();
    expect(byTestId('model-card-validation')).not.toBeNull();
  });

  it('says in words that cases without a time order were validated on the stated random split only', async () => {
    const { card } = shipped[0]!;
    await show({ ...card, validation: { ...card.validation, backtest: { kind: 'unordered', split: 'random 20% held out (seed 2024)' } } }, 'ru');
    expect(need('model-card-backtest-unordered').textContent).toContain('нет порядка во времени');
    expect(byTestId('model-card-backtest')).toBeNull();
  });
});
