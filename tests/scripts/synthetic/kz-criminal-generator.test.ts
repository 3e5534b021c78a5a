import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCaseType, loadCaseTypes } from '../../../models/cases/case-type.ts';
import { validateFacts } from '../../../models/cases/facts.ts';
import { readModelFolder } from '../../../main/services/decision/model-store.ts';
import { readPrecedentCorpus } from '../../../main/services/decision/precedents.ts';
import { boundsFacts, StatutoryBoundsService } from '../../../main/services/decision/statutory-bounds.ts';
import { demoCsv, demoModelSpecs, trainDemoModel } from '../../../scripts/synthetic/demo-models.ts';
import { demoModelsDir } from '../../../main/services/decision/demo-install.ts';
import { casesToCsv, generateKzCriminal } from '../../../scripts/synthetic/kz-criminal-generator.ts';

const statutes = StatutoryBoundsService.open(null);
const amountOf = (c: Record<string, unknown>) => (c.termMonths ?? c.fineMrp ?? c.serviceHours) as number;
const typeOf = (p: string) => (p === 'suspended' ? 'imprisonment' : p);

describe('synthetic kz-criminal cases', () => {
  const cases = generateKzCriminal(statutes, 3000, 7);

  it('are the same for the same seed and differ for another', () => {
    expect(casesToCsv(generateKzCriminal(statutes, 3000, 7))).toBe(casesToCsv(cases));
    expect(casesToCsv(generateKzCriminal(statutes, 3000, 8))).not.toBe(casesToCsv(cases));
  });

  it('are each marked synthetic and valid kz-criminal facts', () => {
    const caseType = findCaseType(loadCaseTypes(), 'kz-criminal');
    for (const c of cases) {
      expect(c.synthetic).toBe(true);
      expect(String(c.caseRef)).toMatch(/^SYN-\d{6}$/);
      const { caseRef: _r, synthetic: _s, ...facts } = c;
      expect(() => validateFacts(caseType, facts)).not.toThrow();
    }
  });

  it('impose only punishments the sanction allows, within the lawful range after art. 55', () => {
    for (const c of cases) {
      const b = statutes.bounds(boundsFacts(c as never)!)!;
      const limits = b.punishments.find((p) => p.type === typeOf(String(c.punishment)) && p.unit !== 'multiple-of-stolen');
      expect(limits, `${c.caseRef} ${c.article}.${c.part} ${c.punishment}`).toBeDefined();
      const amount = amountOf(c);
      expect(amount).toBeGreaterThanOrEqual(limits!.min!);
      expect(amount).toBeLessThanOrEqual(limits!.max!);
    }
  });

  it('punish priors and recidivism more, and a plea with full compensation less', () => {
    const prison = (list: typeof cases) => list.filter((c) => c.punishment === 'imprisonment').length / list.length;
    expect(prison(cases.filter((c) => c.recidivism !== 'none'))).toBeGreaterThan(prison(cases.filter((c) => c.recidivism === 'none')) + 0.1);
    expect(prison(cases.filter((c) => c.guiltyPlea && c.damageCompensated === 'full'))).toBeLessThan(prison(cases.filter((c) => !c.guiltyPlea)));
  });
});

describe('the shipped demo models', () => {
  it('are marked synthetic, carry their corpus without protected attributes, and come from the generator\'s cases', () => {
    for (const spec of demoModelSpecs) {
      const folder = readModelFolder(join(demoModelsDir(), spec.folder));
      expect(folder.card.synthetic).toBe(true);
      expect(folder.model.synthetic).toBe(true);
      const { csv } = demoCsv(spec);
      expect(folder.card.data.sha256).toBe(createHash('sha256').update(csv).digest('hex'));
      const corpus = readPrecedentCorpus(folder.dir)!;
      expect(corpus.cases.length).toBe(folder.card.data.cases);
      const text = readFileSync(join(folder.dir, 'precedents.json'), 'utf8');
      expect(text).not.toMatch(/defendantSex|defendantCitizenship|"male"|"female"/);
    }
  });

  it('explain on a readable scale: no intercept or term beyond what its outcome can mean (no cancelling giants)', () => {
    for (const spec of demoModelSpecs) {
      const { model } = readModelFolder(join(demoModelsDir(), spec.folder));
      // Classification scores are logits: ±50 is already a probability of 1 − 10⁻²¹. Regression terms are in the
      // outcome's unit and cannot exceed its span.
      const limit = model.outcome.kind === 'classification' ? 50 : (model.outcome.max ?? 1e4) - (model.outcome.min ?? 0);
      const largest = Math.max(...model.intercept.map(Math.abs), ...model.terms.flatMap((t) => t.values.map(Math.abs)));
      expect(largest, spec.folder).toBeLessThanOrEqual(limit);
    }
  });

  // The term model (squared error) and the contract model (logistic) between them take every path of the booster
  // but the softmax one; the trainer's speed-ups must leave the shipped bytes as they are, and the cards' backtests too.
  // The award model (a share of the claim, trained on the satisfied claims only) is checked the same way.
  it.each(['term-months', 'satisfaction', 'award-fraction'])('the %s model is reproduced exactly by scripts/build-demo-models.ts', (outcome) => {
    const spec = demoModelSpecs.find((s) => s.outcome === outcome)!;
    const work = mkdtempSync(join(tmpdir(), 'dalel-demo-test-'));
    try {
      const built = trainDemoModel(spec, work);
      const shipped = readModelFolder(join(demoModelsDir(), spec.folder));
      expect(built.trained.sha256).toBe(shipped.sha256);
      // The card's rolling-origin folds are what the build computes, figure for figure.
      expect(built.trained.card.validation.backtest?.kind).toBe('rolling-origin');
      expect(built.trained.card.validation.backtest).toEqual(shipped.card.validation.backtest);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
