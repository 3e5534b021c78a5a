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
    // Case counts grouped as the reader's numbers are (2,716; 2 716), as elsewhere on the card.
    expect(text).toContain(new Intl.NumberFormat(language).format(2716));
    expect(text).toContain(new Intl.NumberFormat(language).format(2717));
    expect(text).not.toContain('2716');
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

describe('the card of a research case type in the reader’s language', () => {
  // The shipped card as the USSC model's would read: its own baseline, and race groups in the Commission's codes.
  const ussc = ModelCardSchema.parse({
    ...shipped,
    caseType: { ...shipped.caseType, id: 'ussc-sentencing', version: '1.3.0', title: 'US federal sentencing (US Sentencing Commission individual offender data)' },
    validation: {
      ...shipped.validation,
      regression: { ...shipped.validation.regression!, baselines: [{ name: 'guideline minimum (XMINSOR)', meanAbsoluteError: 25.158 }, ...shipped.validation.regression!.baselines] },
    },
    disparity: [
      {
        attribute: 'NEWRACE',
        title: 'Race (USSC NEWRACE code) — disparity report only',
        groups: [
          { value: '3', label: 'Hispanic', cases: 4615, meanAbsoluteError: 13.29, meanSignedError: 0.95, coverage80: 0.788 },
          { value: '2', label: 'Black', cases: 2165, meanAbsoluteError: 24.49, meanSignedError: -3.17, coverage80: 0.804 },
          // Cases without a recorded race: the trainer's group "missing".
          { value: 'missing', label: 'missing', cases: 44, meanAbsoluteError: 12.42, meanSignedError: -5.14, coverage80: 0.727 },
        ],
      },
    ],
  });

  it.each([
    ['ru', 'нижняя граница по руководству (XMINSOR)', 'Раса (код USSC NEWRACE)', ['латиноамериканцы', 'чернокожие', 'Не указано']],
    ['kk', 'нұсқаулық бойынша төменгі шек (XMINSOR)', 'Нәсілі (USSC NEWRACE коды)', ['испан тектілер', 'қара нәсілділер', 'Көрсетілмеген']],
    ['en', 'guideline minimum (XMINSOR)', 'Race (USSC NEWRACE code)', ['Hispanic', 'Black', 'Not stated']],
  ] as const)('%s: the guideline-minimum baseline, the attribute and its groups in words', async (language, baseline, attribute, groups) => {
    await show(ussc, language);
    expect(need('model-card-validation').textContent).toContain(baseline);
    const disparity = need('model-card-disparity-NEWRACE').textContent!;
    expect(disparity).toContain(attribute);
    for (const group of groups) expect(disparity).toContain(group);
    expect(disparity).not.toContain('missing');
    if (language !== 'en') expect(disparity).not.toMatch(/Hispanic|Black|disparity report only/);
  });
});
