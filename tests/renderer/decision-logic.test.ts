import { join } from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseTypeView, DecisionOutput } from '../../main/contract/index.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import { fieldLabel, optionLabel } from '../../renderer/src/decision/decision-text.ts';
import { totalsBy } from '../../renderer/src/decision/discrepancy-summary.ts';
import { emptyValues, readFacts } from '../../renderer/src/decision/facts-state.ts';
import { parseDecimal } from '../../renderer/src/decision/number-format.ts';
import { waterfallSteps } from '../../renderer/src/decision/waterfall.ts';
import en from '../../renderer/src/i18n/en.json';

const shipped = loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types'));
const criminal: CaseTypeView = caseTypeView(findCaseType(shipped, 'kz-criminal'));
const ussc: CaseTypeView = caseTypeView(findCaseType(shipped, 'ussc-sentencing'));

async function english() {
  const i18n = createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('labels of schema fields', () => {
  it('come from the translations for shipped case types and from the schema for any other', async () => {
    const t = await english();
    const mitigating = criminal.fields.find((f) => f.name === 'mitigating')!;
    expect(fieldLabel(t, criminal.id, mitigating)).toBe('Mitigating circumstances (art. 53, part 1)');
    expect(optionLabel(t, criminal.id, 'mitigating', '53.1.2', mitigating.labels['53.1.2'])).toBe('the offender is a minor');
    const age = ussc.fields.find((f) => f.name === 'AGE')!;
    expect(fieldLabel(t, ussc.id, age)).toBe(age.title);
    expect(optionLabel(t, 'new-type', 'x', 'a.b', 'schema label')).toBe('schema label');
    expect(optionLabel(t, 'new-type', 'x', 'a.b')).toBe('a.b');
  });
});

describe('reading the facts form', () => {
  it('sends typed numbers (comma or point), flags and ticked items, leaves unstated optional facts out, and names bad fields', () => {
    const values = { ...emptyValues(criminal), article: '188', part: '2', offenceCategory: 'grave', damageMrp: '1 250,5', guiltyPlea: 'false', mitigating: ['53.1.6'] };
    const read = readFacts(criminal, values);
    expect(read.problems).toEqual({});
    expect(read.facts).toEqual({ article: '188', part: 2, offenceCategory: 'grave', damageMrp: 1250.5, guiltyPlea: false, mitigating: ['53.1.6'], aggravating: [] });
    const bad = readFacts(criminal, { ...values, article: '', part: '2.5', damageMrp: '-3', priorConvictions: 'two' });
    expect(bad.problems).toEqual({ article: 'required', part: 'integer', damageMrp: 'below', priorConvictions: 'number' });
  });

  it('parses decimals in either notation and refuses anything else', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 1 000.25 ')).toBe(1000.25);
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('12,5,1')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});

describe('the waterfall', () => {
  const output = (values: number[][], intercept: number[]): Pick<DecisionOutput, 'score' | 'intercept' | 'contributions' | 'probabilities' | 'predictedClass'> => {
    const contributions = values.map((v, i) => ({ term: `t${i}`, inputs: [{ feature: `t${i}`, value: 1 }], values: v }));
    const score = intercept.map((b, k) => b + values.reduce((s, v) => s + v[k]!, 0));
    return { score, intercept, contributions };
  };

  it('orders terms by magnitude, folds the smallest, and ends exactly at the score', () => {
    const o = output([[0.5], [-3], [1], [0.01], [-0.02], [2]], [10]);
    const { steps, total } = waterfallSteps(o, 3);
    expect(steps.map((s) => s.key)).toEqual(['intercept', 'term:t1', 'term:t5', 'term:t2', 'rest', 'score']);
    expect(steps.find((s) => s.kind === 'rest')!.folded).toBe(3);
    expect(total).toBeCloseTo(o.score[0]!, 12);
    for (let i = 1; i < steps.length - 1; i += 1) expect(steps[i]!.from).toBeCloseTo(steps[i - 1]!.to, 12);
  });

  it('explains the predicted class of a multiclass model', () => {
    const o = { ...output([[1, 0, 2], [0, 1, -1]], [0, 0.5, 0]), predictedClass: 'b', probabilities: ['a', 'b', 'c'].map((value) => ({ value, label: value, probability: 1 / 3 })) };
    const { k, total } = waterfallSteps(o);
    expect(k).toBe(1);
    expect(total).toBeCloseTo(1.5, 12);
  });
});

describe('the discrepancy dashboard', () => {
  it('sums rows by article and by month', () => {
    const rows = [
      { article: '190', month: '2026-10', verdicts: 2, discrepancies: 1 },
      { article: '188', month: '2026-11', verdicts: 3, discrepancies: 0 },
      { article: '188', month: '2026-10', verdicts: 1, discrepancies: 1 },
    ];
    expect(totalsBy(rows, 'article')).toEqual([
      { key: '188', verdicts: 4, discrepancies: 1 },
      { key: '190', verdicts: 2, discrepancies: 1 },
    ]);
    expect(totalsBy(rows, 'month').map((r) => r.key)).toEqual(['2026-10', '2026-11']);
  });
});
