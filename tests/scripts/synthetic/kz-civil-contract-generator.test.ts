import { describe, expect, it } from 'vitest';
import { findCaseType, loadCaseTypes } from '../../../models/cases/case-type.ts';
import { validateFacts } from '../../../models/cases/facts.ts';
import { civilAwardColumns, civilColumns, drawKzCivilAwards, generateKzCivilAwards, generateKzCivilContract } from '../../../scripts/synthetic/kz-civil-contract-generator.ts';
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

describe('synthetic kz-civil-contract claims of version 1.1.0 (the award)', () => {
  const base = generateKzCivilContract(4000, 5);
  const claims = drawKzCivilAwards(4000, 5);
  const satisfied = claims.filter((c) => c.parts !== null);
  const share = (c: (typeof claims)[number]) => c.case.awardFraction as number;
  const mean = (list: typeof claims) => list.reduce((s, c) => s + share(c), 0) / list.length;

  it('are the 1.0.0 claims with their outcomes, plus two facts, deterministic for a seed, valid 1.1.0 facts', () => {
    expect(casesToCsv(generateKzCivilAwards(4000, 5), civilAwardColumns)).toBe(casesToCsv(claims.map((c) => c.case), civilAwardColumns));
    const caseType = findCaseType(loadCaseTypes(), 'kz-civil-contract', '1.1.0');
    claims.forEach(({ case: c }, i) => {
      const { awardFraction: _a, penaltyReductionRequested: _p, paidAfterClaimKzt: _d, ...rest } = c;
      const { awardFraction: _b, ...before } = base[i]!;
      expect(rest).toEqual(before);
      const { caseRef: _r, synthetic: _s, ...facts } = c;
      expect(() => validateFacts(caseType, facts)).not.toThrow();
    });
  });

  it('award no more than the claim less what was paid after filing; in full when fully satisfied; nothing when refused', () => {
    expect(satisfied.length).toBeGreaterThan(2500);
    for (const c of claims) {
      if (c.case.satisfaction === 'refused') {
        expect(c.case.awardFraction).toBeNull();
        continue;
      }
      const claim = c.case.claimAmountKzt as number;
      const parts = c.parts!;
      expect(parts.awardedKzt).toBeGreaterThan(0);
      expect(parts.awardedKzt).toBeLessThanOrEqual(claim - parts.paidKzt);
      expect(share(c)).toBeLessThanOrEqual((claim - parts.paidKzt) / claim + 0.005);
      expect(parts.paidKzt).toBe(c.case.paidAfterClaimKzt);
      if (c.case.satisfaction === 'full') expect([share(c), parts.paidKzt, parts.penaltyReduced]).toEqual([1, 0, false]);
      else {
        expect(share(c)).toBeGreaterThan(0);
        expect(share(c)).toBeLessThan(1);
        // The share is the award over the claim (to the cent of a percent), but for the clamp into (0, 1).
        expect(Math.abs(share(c) - Math.min(0.99, Math.max(0.01, parts.awardedKzt / claim)))).toBeLessThanOrEqual(0.0051);
      }
    }
  });

  it('reduce only the penalty under art. 297, only on the debtor’s demand, never below nothing; no penalty without a written agreement (art. 294) but a statutory one', () => {
    const reduced = satisfied.filter((c) => c.parts!.penaltyReduced);
    expect(reduced.length).toBeGreaterThan(100);
    for (const { case: c, parts } of satisfied) {
      const p = parts!;
      expect(p.penaltyAwardedKzt).toBeGreaterThanOrEqual(0);
      expect(p.penaltyAwardedKzt).toBeLessThanOrEqual(p.penaltyKzt);
      // The principal awarded is the principal proven less what was paid: art. 297 never touches it.
      expect(p.awardedKzt).toBe(p.principalProvenKzt - p.paidKzt + p.penaltyAwardedKzt);
      if (p.penaltyReduced) {
        expect(c.penaltyReductionRequested).toBe(true);
        expect(p.penaltyAwardedKzt).toBeLessThan(p.penaltyKzt);
      }
      if (!c.penaltyReductionRequested && (c.documents as string[]).includes('contract')) expect(p.penaltyAwardedKzt).toBe(p.penaltyKzt);
      if (p.penaltyKzt === 0) expect(c.penaltyReductionRequested).toBe(false);
    }
    const unwritten = satisfied.filter((c) => c.parts!.penaltyKzt > 0 && !(c.case.documents as string[]).includes('contract') && c.case.satisfaction === 'partial');
    const voided = unwritten.filter((c) => c.parts!.penaltyAwardedKzt === 0).length / unwritten.length;
    expect(voided).toBeGreaterThan(0.6);
    expect(voided).toBeLessThan(0.95);
  });

  it('pay less where part was paid after filing or the penalty was reduced', () => {
    const partial = claims.filter((c) => c.case.satisfaction === 'partial');
    expect(mean(partial.filter((c) => (c.case.paidAfterClaimKzt as number) > 0))).toBeLessThan(mean(partial.filter((c) => c.case.paidAfterClaimKzt === 0)) - 0.1);
    const demanded = satisfied.filter((c) => c.case.penaltyReductionRequested);
    const notDemanded = satisfied.filter((c) => !c.case.penaltyReductionRequested && c.parts!.penaltyKzt > 0);
    expect(mean(demanded)).toBeLessThan(mean(notDemanded));
  });
});
