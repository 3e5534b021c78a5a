import { join } from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseTypeView } from '../../main/contract/index.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import { fieldLabel, indexFields, optionLabel, valueText } from '../../renderer/src/decision/decision-text.ts';
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

  it('give ticked checklist items in words with their article numbers, one ticked item alone in words', async () => {
    const t = await english();
    const index = indexFields(criminal, criminal.id);
    expect(valueText(t, index, 'mitigating', ['53.1.2', '53.1.11'], String)).toBe(`53.1.2 — the offender is a minor; 53.1.11 — ${optionLabel(t, criminal.id, 'mitigating', '53.1.11')}`);
    expect(valueText(t, index, 'mitigating', '53.1.2', String)).toBe('the offender is a minor');
    expect(valueText(t, index, 'mitigating', [], String)).toBe(t('decision.value.none'));
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
  type Output = Parameters<typeof waterfallSteps>[0];
  /** An output whose scores are exactly the intercept plus the terms, with its reference case's term values. */
  const output = (values: number[][], reference: number[][], intercept: number[], extra: Partial<Output> = {}): Output => {
    const contributions = values.map((v, i) => ({ term: `t${i}`, inputs: [{ feature: `t${i}`, value: 1 }], values: v, reference: reference[i]! }));
    const score = intercept.map((b, k) => b + values.reduce((s, v) => s + v[k]!, 0));
    const referenceScore = intercept.map((b, k) => b + reference.reduce((s, v) => s + v[k]!, 0));
    return { kind: 'regression', score, intercept, contributions, value: score[0], reference: { facts: {}, absent: [], score: referenceScore, value: referenceScore[0] }, ...extra };
  };

  it('Explanations: measured from the reference case, in the outcome\'s unit, a term at its absent value gets no bar, and the bars add up exactly', () => {
    // t3 is at its reference value (e.g. recidivism: none): it changes nothing and is not presented as a reason.
    const o = output([[0.5], [-3], [1.5], [0.38], [-0.02], [2]], [[0], [0], [0.5], [0.38], [0], [0]], [10]);
    const { steps, total, shown, reference, unchanged } = waterfallSteps(o, 3);
    expect(steps.map((s) => s.key)).toEqual(['reference', 'term:t1', 'term:t5', 'term:t2', 'rest', 'score']);
    expect(unchanged.map((t) => t.term)).toEqual(['t3']);
    expect(steps.find((s) => s.key === 'term:t2')!.value).toBe(1);
    expect(steps.find((s) => s.kind === 'rest')!.folded).toBe(2);
    expect(reference).toBeCloseTo(o.reference!.score[0]!, 12);
    expect(total).toBeCloseTo(o.score[0]!, 12);
    expect(shown).toBe(o.value);
    for (let i = 1; i < steps.length - 1; i += 1) expect(steps[i]!.from).toBeCloseTo(steps[i - 1]!.to, 12);
  });

  it('shows the step that holds an estimate within its limits, so the chart still adds up to the value shown', () => {
    const o = output([[30], [5]], [[0], [0]], [10], { value: 36 });
    const { steps, total } = waterfallSteps(o);
    expect(steps.map((s) => s.kind)).toEqual(['reference', 'term', 'term', 'bound', 'score']);
    expect(steps.find((s) => s.kind === 'bound')!.value).toBeCloseTo(-9, 12);
    expect(total).toBe(36);
  });

  it('classification: contributions in probability points of the predicted class that add up exactly to its probability', () => {
    const values = [[1, 0, 2], [0, 1, -1], [0.3, 0.3, 0.3]];
    const base = output(values, [[0, 0, 0], [0, 0, 0], [0.3, 0.3, 0.3]], [0, 0.5, 0]);
    const exp = base.score.map(Math.exp);
    const sum = exp.reduce((a, b) => a + b, 0);
    const probabilities = ['a', 'b', 'c'].map((value, k) => ({ value, label: value, probability: exp[k]! / sum }));
    const o: Output = { ...base, kind: 'classification', value: undefined, predictedClass: 'c', probabilities };
    const chart = waterfallSteps(o);
    expect(chart.unit).toBe('points');
    expect(chart.k).toBe(2);
    expect(chart.unchanged.map((t) => t.term)).toEqual(['t2']);
    const refExp = o.reference!.score.map(Math.exp);
    expect(chart.reference).toBeCloseTo((100 * refExp[2]!) / refExp.reduce((a, b) => a + b, 0), 10);
    const terms = chart.steps.filter((s) => s.kind === 'term');
    expect(chart.reference + terms.reduce((s, t) => s + t.value, 0)).toBeCloseTo(chart.shown, 9);
    expect(Math.abs(chart.total - chart.shown)).toBeLessThan(1e-9);
    // The table keeps the log-odds: each term's change of the explained class's score.
    expect(terms.find((t) => t.key === 'term:t0')!.scoreChange).toBe(2);
  });
});

describe('the model-monitoring view', () => {
  it('sums rows by model, by article and by month', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const row = (modelSha256: string | null, article: string, month: string, verdicts: number, discrepancies: number) => ({ modelSha256, caseType: 'kz-criminal', outcome: modelSha256 ? 'term-months' : null, article, month, verdicts, discrepancies });
    const rows = [row(a, '190', '2026-10', 2, 1), row(b, '188', '2026-11', 3, 0), row(a, '188', '2026-10', 1, 1), row(null, '188', '2026-10', 1, 0)];
    expect(totalsBy(rows, 'article')).toEqual([
      { key: '188', verdicts: 5, discrepancies: 1 },
      { key: '190', verdicts: 2, discrepancies: 1 },
    ]);
    expect(totalsBy(rows, 'month').map((r) => r.key)).toEqual(['2026-10', '2026-11']);
    expect(totalsBy(rows, 'model')).toEqual([
      { key: '', verdicts: 1, discrepancies: 0 },
      { key: a, verdicts: 3, discrepancies: 2 },
      { key: b, verdicts: 3, discrepancies: 0 },
    ]);
  });
});
