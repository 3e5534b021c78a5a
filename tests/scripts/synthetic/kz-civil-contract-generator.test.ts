import { describe, expect, it } from 'vitest';
import { findCaseType, loadCaseTypes } from '../../../models/cases/case-type.ts';
import { validateFacts } from '../../../models/cases/facts.ts';
import { civilColumns, generateKzCivilContract } from '../../../scripts/synthetic/kz-civil-contract-generator.ts';
import { casesToCsv } from '../../../scripts/synthetic/kz-criminal-generator.ts';

describe('synthetic kz-civil-contract claims', () => {
  const cases = generateKzCivilContract(3000, 5);

  it('are the same for the same seed and marked synthetic', () => {
    expect(casesToCsv(generateKzCivilContract(3000, 5), civilColumns)).toBe(casesToCsv(cases, civilColumns));
    expect(casesToCsv(generateKzCivilContract(3000, 6), civilColumns)).not.toBe(casesToCsv(cases, civilColumns));
    expect(cases.every((c) => c.synthetic === true && /^SYN-C\d{6}$/.test(String(c.caseRef)))).toBe(true);
  });

  it('are valid facts with consistent outcomes: refused without an award, an award in (0, 1] otherwise', () => {
    const caseType = findCaseType(loadCaseTypes(), 'kz-civil-contract');
    for (const c of cases) {
      const { caseRef: _r, synthetic: _s, ...facts } = c;
      expect(() => validateFacts(caseType, facts)).not.toThrow();
      if (c.satisfaction === 'refused') expect(c.awardFraction).toBeNull();
      else expect(c.awardFraction as number).toBeGreaterThan(0);
      if (c.satisfaction === 'full') expect(c.awardFraction).toBe(1);
    }
  });

  it('follow the law they encode: an invoked expired limitation period refuses the claim; simplified procedure by amount or documents', () => {
    const expired = cases.filter((c) => (c.monthsSinceBreach as number) > 36 && c.limitationInvoked);
    expect(expired.length).toBeGreaterThan(10);
    expect(expired.every((c) => c.satisfaction === 'refused')).toBe(true);
    for (const c of cases) {
      const documents = c.documents as string[];
      const expected = (c.claimAmountKzt as number) <= 1000 * 3932 || documents.some((d) => ['reconciliation-act', 'acceptance-act', 'invoice'].includes(d));
      expect(c.simplifiedProcedure).toBe(expected);
    }
  });
});
