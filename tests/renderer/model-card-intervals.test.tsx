// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelCardSchema, type ModelCard } from '../../main/contract/index.ts';
import { ModelCardDialog } from '../../renderer/src/decision/model-card-dialog.tsx';
import { byTestId, cleanup, fakeApi, need, render } from './expert-harness.tsx';

afterEach(cleanup);

// The shipped term model's card (pooled widths), read by path as under jsdom import.meta.url cannot be used.
const shipped = ModelCardSchema.parse(JSON.parse(readFileSync(join(process.cwd(), 'assets', 'decision', 'models', 'kz-criminal-term-demo', 'model-card.json'), 'utf8')));
const show = (card: ModelCard, language: 'kk' | 'ru' | 'en') => render(fakeApi({}).api, <ModelCardDialog card={card} onClose={() => undefined} />, language);

function normalised(card: ModelCard): ModelCard {
  const regression = card.validation.regression!;
  return ModelCardSchema.parse({
    ...card,
    validation: { ...card.validation, regression: { ...regression, intervals: { ...regression.intervals, normalised: { fitCases: 2716, calibrationCases: 2717, meanWidth80: 63.47 } } } },
  });
}

describe('the model card says when interval widths follow the case', () => {
  it.each([
    ['kk', 'масштабталады', '63,47'],
    ['ru', 'масштабируется', '63,47'],
    ['en', 'scaled by a spread', '63.47'],
  ] as const)('%s: the spread, its calibration cases and the mean width of the 80 per cent interval, in words', async (language, phrase, width) => {
    await show(normalised(shipped), language);
    const text = need('model-card-coverage-normalised').textContent!;
    expect(text).toContain(phrase);
    expect(text).toMatch(/2\D?716/);
    expect(text).toMatch(/2\D?717/);
    expect(text).toContain(width);
    expect(text).not.toMatch(/decision\.modelCard|\{\{/);
  });

  it('a card with pooled widths (every shipped demo card) has no such line', async () => {
    expect(shipped.validation.regression?.intervals.normalised).toBeUndefined();
    await show(shipped, 'ru');
    expect(byTestId('model-card-coverage-normalised')).toBeNull();
    expect(byTestId('model-card-coverage')).not.toBeNull();
  });
});

describe('the model card says when each side of the interval has its own spread', () => {
  const asymmetric = (card: ModelCard): ModelCard => {
    const regression = normalised(card).validation.regression!;
    return ModelCardSchema.parse({ ...card, validation: { ...card.validation, regression: { ...regression, intervals: { ...regression.intervals, sides: { missedBelow80: 0.104, missedAbove80: 0.098 } } } } });
  };

  it.each([
    ['kk', 'симметриялы болмауы', '10,4', '9,8'],
    ['ru', 'не обязательно симметричен', '10,4', '9,8'],
    ['en', 'need not be symmetric', '10.4', '9.8'],
  ] as const)('%s: the two spreads and the shares below and above the 80 per cent interval, in words', async (language, phrase, below, above) => {
    await show(asymmetric(shipped), language);
    const text = need('model-card-coverage-sides').textContent!;
    expect(text).toContain(phrase);
    expect(text).toContain(below);
    expect(text).toContain(above);
    expect(text.indexOf(below)).toBeLessThan(text.indexOf(above));
    expect(text).not.toMatch(/decision\.modelCard|\{\{/);
  });

  it('a card with symmetric spread-scaled widths has no such line', async () => {
    await show(normalised(shipped), 'en');
    expect(byTestId('model-card-coverage-sides')).toBeNull();
  });
});
