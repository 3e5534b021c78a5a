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

describe('the disparity report says how sure each group’s figure is', () => {
  // USSC 1.4.0's test split in the demo's attributes (labels as the schema gives them, in Russian): women are covered
  // less than 80 % beyond what 993 cases explain; 88.6 % of 44 cases is within what chance gives a group that small.
  const groups = ModelCardSchema.parse({
    ...shipped,
    disparity: [
      {
        attribute: 'defendantSex',
        title: 'Defendant’s sex — disparity report only',
        groups: [
          { value: 'male', label: 'мужчина', cases: 8060, meanAbsoluteError: 19.4, meanSignedError: 0.2, coverage80: 0.801 },
          { value: 'female', label: 'женщина', cases: 993, meanAbsoluteError: 13.1, meanSignedError: 2.1, coverage80: 0.766 },
        ],
      },
      {
        attribute: 'defendantCitizenship',
        title: 'Defendant’s citizenship — disparity report only',
        groups: [
          { value: 'kazakhstan', label: 'гражданин РК', cases: 9009, meanAbsoluteError: 18.7, meanSignedError: 0.4, coverage80: 0.797 },
          { value: 'stateless', label: 'лицо без гражданства', cases: 44, meanAbsoluteError: 15.2, meanSignedError: -1.1, coverage80: 0.886 },
        ],
      },
    ],
  });

  it.each([
    ['kk', '73,9–79,2%', '76–95%', 'Уилсон', 'кездейсоқтықпен', ['әйел', 'азаматтығы жоқ адам']],
    ['ru', '73,9–79,2%', '76–95%', 'Уилсона', 'случайностью', ['женщина', 'лицо без гражданства']],
    ['en', '73.9–79.2%', '76–95%', 'Wilson', 'chance', ['female', 'stateless person']],
  ] as const)('%s: each group’s 95 per cent range, and a mark only where the coverage is off beyond chance', async (language, women, small, method, chance, labels) => {
    await show(groups, language);
    // The groups in the reader's words, not in the schema's Russian labels.
    expect(need('model-card-group-defendantSex-female').textContent).toContain(labels[0]);
    expect(need('model-card-group-defendantCitizenship-stateless').textContent).toContain(labels[1]);
    if (language !== 'ru') for (const russian of ['женщина', 'мужчина', 'гражданин РК', 'лицо без']) expect(need('model-card-disparity-defendantSex').textContent! + need('model-card-disparity-defendantCitizenship').textContent!).not.toContain(russian);
    const female = need('model-card-group-defendantSex-female');
    expect(female.textContent).toContain(women);
    expect(female.textContent).toContain('▼');
    expect(female.querySelector('[data-testid="model-card-coverage-beyond-chance"]')?.getAttribute('aria-label')).toContain(chance);
    expect(need('model-card-group-defendantCitizenship-stateless').textContent).toContain(small);
    expect(need('model-card-group-defendantCitizenship-stateless').textContent).not.toMatch(/[▼▲]/);
    expect(need('model-card-group-defendantSex-male').textContent).not.toMatch(/[▼▲]/);
    const note = need('model-card-range-note').textContent!;
    expect(note).toContain(method);
    expect(note).toContain('▼');
    for (const table of ['defendantSex', 'defendantCitizenship']) expect(need(`model-card-disparity-${table}`).textContent).not.toMatch(/decision\.modelCard|\{\{/);
  });
});
