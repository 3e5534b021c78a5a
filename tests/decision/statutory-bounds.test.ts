import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecisionOutput } from '../../main/contract/index.ts';
import { clipToLawfulRange } from '../../main/services/decision/lawful-range.ts';
import { fillStatuteTexts } from '../../main/services/decision/statute-text.ts';
import { defaultStatuteFile, loadStatuteBook, StatutoryBoundsService, type BoundsFacts } from '../../main/services/decision/statutory-bounds.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

const statutes = StatutoryBoundsService.open(null);
const none: Omit<BoundsFacts, 'article' | 'part'> = { mitigating: [], aggravating: [], recidivism: null, proceduralAgreement: false, damageCompensated: null, damageMrp: null };
const bounds = (article: string, part: string, extra: Partial<BoundsFacts> = {}) => statutes.bounds({ ...none, article, part, ...extra })!;
const limits = (b: ReturnType<typeof bounds>, type: string) => b.punishments.find((p) => p.type === type);

describe('statutory bounds (Criminal Code of Kazakhstan)', () => {
  it.each([
    // article, part, punishment type, min, max as the sanction and the General Part give them
    ['188', '1', 'imprisonment', 6, 36],
    ['188', '1', 'fine', 200, 1000],
    ['188', '3', 'restriction-of-freedom', 24, 84],
    ['188', '4', 'imprisonment', 60, 120],
    ['190', '1', 'community-service', 200, 600],
    ['190', '2', 'fine', 200, 4000],
    ['191', '2', 'imprisonment', 36, 84],
    ['191', '4', 'imprisonment', 84, 144],
    ['192', '1', 'imprisonment', 36, 84],
    ['192', '4', 'imprisonment', 120, 180],
    ['293', '1', 'fine', 500, 2000],
    ['293', '2', 'restriction-of-freedom', 36, 72],
    ['296', '2', 'fine', 20, 160],
    ['296', '4', 'imprisonment', 36, 84],
    ['345', '2', 'imprisonment', 6, 24],
    ['345', '4', 'imprisonment', 60, 120],
  ])('ст. %s ч. %s: %s from %d to %d', (article, part, type, min, max) => {
    const b = bounds(article, part);
    expect(b.citation).toBe(`ч. ${part} ст. ${article} УК РК`);
    expect(limits(b, type)).toMatchObject({ min, max });
    expect(b.caps).toEqual([]);
    expect(b.text.startsWith(`${part}. `)).toBe(true);
  });

  it('names no range for an article the asset does not hold', () => {
    expect(statutes.bounds({ ...none, article: '999', part: '1' })).toBeNull();
  });

  it('the default range is the severest punishment\'s, in its unit', () => {
    expect(bounds('188', '1').lawfulRange).toEqual({ min: 6, max: 36, unit: 'months' });
    expect(bounds('296', '1').lawfulRange).toEqual({ min: 10, max: 20, unit: 'days' });
    expect(bounds('296', '1', { punishment: 'fine' }).lawfulRange).toEqual({ min: 20, max: 80, unit: 'MRP' });
    expect(bounds('192', '1', { punishment: 'suspended' }).lawfulRange).toEqual({ min: 36, max: 84, unit: 'months' });
  });

  it('art. 55 part 2: a mitigating and no aggravating circumstance caps the maximum by category', () => {
    const m = { mitigating: ['53.1.11'] };
    expect(bounds('188', '2', m).caps.filter((c) => c.part === '2')).toEqual([expect.objectContaining({ citation: 'п. 1 ч. 2 ст. 55 УК РК', fraction: 0.5, circumstance: 'mitigating-no-aggravating' })]);
    expect(limits(bounds('188', '2', m), 'imprisonment')!.max).toBe(30);
    expect(limits(bounds('188', '3', m), 'imprisonment')!.max).toBeCloseTo(56, 9); // grave: two thirds of 84
    expect(limits(bounds('192', '2', m), 'imprisonment')!.max).toBeCloseTo(90, 9); // grave against life or health: three quarters
    expect(limits(bounds('192', '4', m), 'imprisonment')!.max).toBeCloseTo(144, 9); // especially grave against life or health: four fifths
    // Part 6: below the lower limit of the sanction, down to the General Part minimum.
    expect(limits(bounds('188', '3', m), 'imprisonment')!.min).toBe(6);
  });

  it('art. 55 part 2 does not apply with an aggravating circumstance or recidivism', () => {
    expect(bounds('188', '2', { mitigating: ['53.1.11'], aggravating: ['54.1.3'] }).caps).toEqual([]);
    expect(bounds('188', '2', { mitigating: ['53.1.11'], recidivism: 'recidivism' }).caps).toEqual([]);
    expect(bounds('188', '2', { mitigating: [] }).caps).toEqual([]);
  });

  it('art. 55 part 3: a procedural agreement caps at one half (three quarters for especially grave)', () => {
    expect(limits(bounds('191', '3', { proceduralAgreement: true }), 'imprisonment')!.max).toBe(60);
    expect(bounds('191', '3', { proceduralAgreement: true }).caps[0]).toMatchObject({ part: '3', circumstance: 'procedural-agreement', facts: ['proceduralAgreement'], fraction: 0.5 });
    expect(bounds('191', '3', { proceduralAgreement: true }).stated.lawfulRange).toEqual({ min: 60, max: 120, unit: 'months' });
    expect(limits(bounds('192', '4', { proceduralAgreement: true, aggravating: ['54.1.3'] }), 'imprisonment')!.max).toBeCloseTo(144, 9);
    // Both parts: the more lenient cap governs, and both are cited.
    const both = bounds('188', '3', { proceduralAgreement: true, mitigating: ['53.1.6'] });
    expect(both.caps.filter((c) => c.effect === 'maximum-fraction').map((c) => c.citation).sort()).toEqual(['ч. 3 ст. 55 УК РК', 'п. 2 ч. 2 ст. 55 УК РК'].sort());
    expect(limits(both, 'imprisonment')!.max).toBe(42);
  });

  it('Statutory bounds: the article\'s own range and, separately, the range after art. 55 with the part and the circumstance that triggered it', () => {
    const b = bounds('188', '2', { mitigating: ['53.1.11'] });
    expect(b.stated.lawfulRange).toEqual({ min: 6, max: 60, unit: 'months' });
    expect(b.stated.punishments.find((p) => p.type === 'imprisonment')).toEqual({ type: 'imprisonment', min: 6, max: 60, unit: 'months' });
    expect(b.lawfulRange).toEqual({ min: 6, max: 30, unit: 'months' });
    expect(b.caps).toEqual([
      expect.objectContaining({ part: '2', item: '1', circumstance: 'mitigating-no-aggravating', facts: ['53.1.11'], effect: 'maximum-fraction', fraction: 0.5 }),
      expect.objectContaining({ part: '6', citation: 'ч. 6 ст. 55 УК РК', circumstance: 'mitigating-no-aggravating', effect: 'below-minimum', fraction: null }),
    ]);
    // No rule: the range after art. 55 is the article's own.
    const plain = bounds('188', '2');
    expect(plain.caps).toEqual([]);
    expect(plain.punishments).toEqual(plain.stated.punishments);
  });

  it('art. 55 part 1: no imprisonment for small or medium gravity when the damage was voluntarily compensated, where the article allows a milder main punishment', () => {
    const b = bounds('188', '1', { damageCompensated: 'full' });
    expect(limits(b, 'imprisonment')).toBeUndefined();
    expect(b.stated.punishments.some((p) => p.type === 'imprisonment')).toBe(true);
    expect(b.caps).toEqual([expect.objectContaining({ citation: 'п. 1 ч. 1 ст. 55 УК РК', part: '1', circumstance: 'damage-compensated', effect: 'no-imprisonment', fraction: null })]);
    // The lawful range in months is then restriction of freedom's, not imprisonment's.
    expect(b.lawfulRange).toEqual({ min: 6, max: 36, unit: 'months' });
    expect(limits(bounds('190', '1', { damageCompensated: 'full' }), 'imprisonment')).toBeUndefined(); // small gravity
    // Not for a grave crime, not when the sanction has only imprisonment, not for partial or no compensation.
    expect(limits(bounds('188', '3', { damageCompensated: 'full' }), 'imprisonment')).toBeDefined();
    expect(limits(bounds('345', '4', { damageCompensated: 'full' }), 'imprisonment')).toBeDefined();
    expect(bounds('345', '4', { damageCompensated: 'full' }).caps).toEqual([]);
    expect(limits(bounds('188', '1', { damageCompensated: 'partial' }), 'imprisonment')).toBeDefined();
    expect(bounds('188', '1', { damageCompensated: 'no-damage' }).caps).toEqual([]);
    // A criminal misdemeanour has no imprisonment to exclude: part 1 is not cited.
    expect(bounds('296', '1', { damageCompensated: 'full' }).caps).toEqual([]);
  });

  it('art. 55 parts 1 and 2 together: imprisonment excluded and the other maxima halved, both cited', () => {
    const b = bounds('188', '2', { damageCompensated: 'full', mitigating: ['53.1.6'] });
    expect(b.caps.map((c) => c.part)).toEqual(['1', '2', '6']);
    expect(limits(b, 'imprisonment')).toBeUndefined();
    expect(limits(b, 'restriction-of-freedom')!.max).toBe(30);
  });

  it('a fine in multiples of the stolen property becomes MRP when the damage is known', () => {
    expect(limits(bounds('190', '3', { damageMrp: 500 }), 'fine')).toEqual({ type: 'fine', min: 1000, max: 1500, unit: 'MRP' });
    expect(limits(bounds('190', '3'), 'fine')).toMatchObject({ unit: 'multiple-of-stolen', min: 2, max: 3 });
  });

  it('each part\'s category follows art. 11 from its maximum imprisonment and the form of guilt', () => {
    const book = loadStatuteBook();
    for (const [article, entry] of Object.entries(book.articles)) {
      for (const [part, p] of Object.entries(entry.parts)) {
        const prison = p.punishments.find((x) => x.type === 'imprisonment');
        const years = prison ? prison.max! / 12 : null;
        const expected =
          years === null ? 'criminal-misdemeanour'
          : entry.intent === 'negligent' ? (years <= 5 ? 'minor' : 'medium')
          : years <= 2 ? 'minor' : years <= 5 ? 'medium' : years <= 12 ? 'grave' : 'especially-grave';
        expect(`${article}.${part} ${p.category}`).toBe(`${article}.${part} ${expected}`);
      }
    }
  });
});

describe('clipping a prediction to the lawful range', () => {
  const output: DecisionOutput = {
    outcome: 'term-months', kind: 'regression', unit: 'months', synthetic: true, score: [40], intercept: [20], contributions: [],
    value: 40, interval80: [28, 52], interval95: [20, 60], abstention: { refer: false, reasons: [] },
  };
  it('clips value and intervals and judges the width against the lawful range', () => {
    const clipped = clipToLawfulRange(output, { min: 6, max: 30, unit: 'months' }, 0.5);
    expect(clipped.value).toBe(30);
    expect(clipped.interval80).toEqual([28, 30]);
    expect(clipped.interval95).toEqual([20, 30]);
    // The model's own 80% interval (24 months) is wider than half the lawful range (12): refer.
    expect(clipped.abstention.reasons).toEqual([{ code: 'interval-too-wide', width: 24, range: [6, 30], limit: 12 }]);
    expect(clipToLawfulRange(output, { min: 0, max: 120, unit: 'months' }, 0.5).abstention.refer).toBe(false);
  });
});

describe.skipIf(!sharedDataDir)('the statute asset against the code text', () => {
  announceSkipIfMissing('statute asset');
  it('holds exactly the texts scripts/extract-statutes.ts extracts from kz_criminal_code.ru.txt', () => {
    const asset = JSON.parse(readFileSync(defaultStatuteFile(), 'utf8')) as Parameters<typeof fillStatuteTexts>[0];
    const source = readFileSync(join(sharedDataDir!, 'legal', 'kz_criminal_code.ru.txt'), 'utf8');
    const sha = createHash('sha256').update(source).digest('hex');
    expect(fillStatuteTexts(asset, source, sha)).toEqual(asset);
    expect(StatutoryBoundsService.open(join(sharedDataDir!, 'legal')).textFromSource).toBe(true);
  });
});
