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
