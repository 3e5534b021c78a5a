import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shareOfClaimUnit, type Consultation } from '../../main/contract/index.ts';
import { writeModelFolder } from '../../main/services/decision/model-store.ts';
import { defaultCaseTypesDir, findCaseType, loadCaseTypes, parseCaseType } from '../../models/cases/case-type.ts';
import { releasedLawfulLimits } from '../../models/cases/released-limits.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { trainCaseType } from '../../models/ebm/train-case-type.ts';
import { itWithModel } from '../helpers/model-workstation.ts';
import { call } from '../helpers/workstation.ts';

type Doc = { properties: Record<string, Record<string, unknown>>; 'x-dalel': Record<string, unknown> & { outcomes: Array<Record<string, unknown>> } };

/** A money claim that is not kz-civil-contract: a loan, its inputs named otherwise, the limit declared in its x-dalel. */
function loanDocument(limit: Record<string, unknown> = { kind: 'share-of-claim', claim: 'debt', penalty: 'fine', paidAfterClaim: 'repaid', penaltyReduction: { demanded: 'askedToReduce', citation: 'ГК РК, ст. 297' } }): Doc & Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://dalel.kz/schemas/case-types/toy-loan/1.0.0',
    title: 'Toy loan claims',
    type: 'object',
    additionalProperties: false,
    required: ['debt'],
    properties: {
      debt: { type: 'number', minimum: 0, title: 'Debt claimed', 'x-dalel': { role: 'feature', kind: 'numeric' } },
      fine: { type: ['number', 'null'], minimum: 0, title: 'Fine claimed', 'x-dalel': { role: 'feature', kind: 'numeric' } },
      repaid: { type: ['number', 'null'], minimum: 0, title: 'Repaid after filing', 'x-dalel': { role: 'feature', kind: 'numeric' } },
      askedToReduce: { type: ['boolean', 'null'], title: 'Reduction of the fine demanded', 'x-dalel': { role: 'feature', kind: 'categorical' } },
      share: { type: ['number', 'null'], minimum: 0, maximum: 1, title: 'Share awarded', 'x-dalel': { role: 'outcome' } },
    },
    'x-dalel': {
      id: 'toy-loan',
      version: '1.0.0',
      jurisdiction: 'nowhere',
      source: 'generated for tests',
      outcomes: [{ name: 'share', kind: 'regression', field: 'share', unit: shareOfClaimUnit, min: 0, max: 1, lawfulLimit: limit, abstention: { maxIntervalWidthFraction: 1 } }],
      split: { kind: 'random', testFraction: 0.25, seed: 7 },
    },
  };
}

const shipped = (file: string): Doc => JSON.parse(readFileSync(join(defaultCaseTypesDir(), file), 'utf8')) as Doc;

describe('lawful limits declared by case types', () => {
  it('every shipped regression outcome in the share-of-claim unit has its limit; the others have none', () => {
    for (const caseType of loadCaseTypes()) {
      for (const outcome of caseType.meta.outcomes) {
        const shareOfClaim = outcome.kind === 'regression' && outcome.unit === shareOfClaimUnit;
        expect(caseType.lawfulLimits[outcome.name] !== undefined, `${caseType.id} ${caseType.version} ${outcome.name}`).toBe(shareOfClaim);
      }
    }
  });

  it('records limits only for shipped files without a declaration of their own, and says of each which file it is', () => {
    const all = loadCaseTypes();
    for (const [sha256, released] of Object.entries(releasedLawfulLimits)) {
      const caseType = all.find((c) => c.sha256 === sha256);
      expect(caseType, sha256).toBeDefined();
      expect([caseType!.id, caseType!.version]).toEqual([released.caseType, released.version]);
      expect(caseType!.meta.outcomes.some((o) => o.kind === 'regression' && o.lawfulLimit)).toBe(false);
    }
  });

  it('the recorded limit of kz-civil-contract 1.1.0 is what the file would say in its own x-dalel', () => {
    const recorded = findCaseType(loadCaseTypes(), 'kz-civil-contract', '1.1.0').lawfulLimits;
    const document = shipped('kz-civil-contract.v1.1.0.json');
    const award = document['x-dalel'].outcomes.find((o) => o.name === 'award-fraction')!;
    award.lawfulLimit = recorded['award-fraction'];
    const declared = parseCaseType(document, 'kz-civil-contract.declared.json');
    expect(declared.sha256).not.toBe(findCaseType(loadCaseTypes(), 'kz-civil-contract', '1.1.0').sha256);
    expect(declared.lawfulLimits).toEqual(recorded);
    expect(recorded['award-fraction']).toEqual({ kind: 'share-of-claim', claim: 'claimAmountKzt', penalty: 'penaltyClaimedKzt', paidAfterClaim: 'paidAfterClaimKzt', penaltyReduction: { demanded: 'penaltyReductionRequested', citation: 'ГК РК, ст. 297' } });
  });

  it('refuses a declaration of an unknown kind, with unknown keys, or naming inputs it cannot read, naming the file', () => {
    expect(parseCaseType(loanDocument(), 'loan.json').lawfulLimits.share).toMatchObject({ kind: 'share-of-claim', claim: 'debt' });
    const refused: Array<[Record<string, unknown>, RegExp]> = [
      [{ kind: 'share-of-the-loot', claim: 'debt' }, /^loan\.json: x-dalel\.outcomes\.0\.lawfulLimit\.kind/],
      [{ kind: 'share-of-claim', claim: 'debt', interest: 'fine' }, /^loan\.json: x-dalel\.outcomes\.0\.lawfulLimit: .*interest/],
      [{ kind: 'share-of-claim', claim: 'principal' }, /^loan\.json: outcome share: lawfulLimit: claim principal must be a property with role "feature" holding number or integer/],
      [{ kind: 'share-of-claim', claim: 'share' }, /claim share must be a property with role "feature"/],
      [{ kind: 'share-of-claim', claim: 'askedToReduce' }, /claim askedToReduce must be a property with role "feature" holding number or integer/],
      [{ kind: 'share-of-claim', claim: 'debt', penaltyReduction: { demanded: 'askedToReduce', citation: 'ГК РК, ст. 297' } }, /^loan\.json: outcome share: lawfulLimit: penaltyReduction needs the penalty it reduces/],
      [{ kind: 'share-of-claim', claim: 'debt', penalty: 'fine', penaltyReduction: { demanded: 'repaid', citation: 'ГК РК, ст. 297' } }, /penaltyReduction\.demanded repaid must be a property with role "feature" holding boolean/],
    ];
    for (const [limit, message] of refused) expect(() => parseCaseType(loanDocument(limit), 'loan.json'), JSON.stringify(limit)).toThrow(message);
    const months = loanDocument();
    months['x-dalel'].outcomes[0]!.unit = 'months';
    expect(() => parseCaseType(months, 'loan.json')).toThrow(/^loan\.json: outcome share: lawfulLimit: a share-of-claim limit needs the unit "fraction of the claim", not "months"/);
  });
});

describe('decision support clips to the declared limit, whatever the case type', () => {
  const test = itWithModel((dataDir) => {
    // Loans of 1–10 M where about 0.9 of the debt is awarded: a repayment after filing caps it well below that.
    const random = seededRandom(3);
    const rows = Array.from({ length: 600 }, () => {
      const debt = Math.round(1_000_000 + random() * 9_000_000);
      return [debt, Math.round(debt * 0.1 * random()), '', random() < 0.5, Math.min(1, 0.8 + 0.2 * random()).toFixed(3)].join(',');
    });
    const file = join(dataDir, 'toy-loan.csv');
    writeFileSync(file, `debt,fine,repaid,askedToReduce,share\n${rows.join('\n')}\n`);
    const trained = trainCaseType({ caseType: parseCaseType(loanDocument(), 'toy-loan.v1.0.0.json'), file, options: { bags: 2, interactions: 0 }, now: new Date('2026-12-01T09:00:00Z') });
    writeModelFolder(join(dataDir, 'models', 'toy-loan'), trained.model, trained.onnx, trained.card);
    return trained.sha256;
  });

  test('a loan claim repaid in half after filing: the award is at most half the claim, with the reduction note', async ({ model: { env, clients, sha256 } }) => {
    const answer: Consultation = await call(env.ws, clients.judge, 'decision.predict', { modelSha256: sha256, facts: { debt: 4_000_000, fine: 400_000, repaid: 2_000_000, askedToReduce: true } });
    expect(answer.awardLimits).toEqual({ claimKzt: 4_000_000, penaltyKzt: 400_000, paidKzt: 2_000_000, lawfulRange: { min: 0, max: 0.5, unit: shareOfClaimUnit }, penaltyReduction: { citation: 'ГК РК, ст. 297', penaltyShare: 0.1, floorShare: 0.4 } });
    expect(answer.bounds).toBeNull();
    expect(answer.value).toBeLessThanOrEqual(0.5);
    expect(answer.interval80![1]).toBeLessThanOrEqual(0.5);
  });
});
