/**
 * Synthetic Kazakh criminal cases for the kz-criminal demo model. No public corpus of Kazakh verdicts exists, so the
 * demo model learns from cases generated here; every record says so (`synthetic` = true, `caseRef` SYN-…).
 *
 * How a case is made (deterministic for a seed):
 * - article and part drawn from arts. 188, 190, 191, 192, 293, 296, 345 with rough frequencies (theft commonest);
 *   the offence category is the part's category in the statute asset (art. 11).
 * - damage in MRP for the property offences (log-normal, larger for higher parts), none otherwise; compensation
 *   (none / partial / full) more likely with a guilty plea.
 * - prior convictions (geometric); recidivism (art. 14) only with priors; aggravating art. 54 items (recidivism
 *   adds 54.1.1) and mitigating art. 53 items (a plea often brings 53.1.11, full compensation 53.1.6, a minor 53.1.2).
 * - severity = priors, recidivism, aggravating count up; plea, procedural agreement, compensation, mitigating count,
 *   minority down; plus noise. It picks the punishment among those the sanction allows after art. 55 (milder types
 *   for lower severity; imprisonment of a first offender without aggravation often suspended, art. 63) and places
 *   the term or amount inside the lawful range (the General Part limits and the art. 55 caps from
 *   StatutoryBoundsService), so every generated outcome is lawful. Arrest is never chosen: art. 45 is suspended.
 * The effects are plausible directions, not estimates: the model trained on them illustrates the method only.
 */
import type { Facts } from '../../models/cases/facts.ts';
import { boundsFacts, type StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';
import { seededRandom } from '../../models/ebm/random.ts';

/** One generated case: CSV columns by name. */
export type GeneratedCase = Record<string, string | number | boolean | null | string[]>;

/** Articles and parts with their relative frequency in the generated corpus. */
const offences: ReadonlyArray<readonly [string, string, number]> = [
  ['188', '1', 18], ['188', '2', 8], ['188', '3', 10], ['188', '4', 2],
  ['190', '1', 6], ['190', '2', 7], ['190', '3', 4], ['190', '4', 1],
  ['191', '1', 5], ['191', '2', 4], ['191', '3', 2], ['191', '4', 1],
  ['192', '1', 2], ['192', '2', 2], ['192', '3', 1], ['192', '4', 0.5],
  ['293', '1', 5], ['293', '2', 3], ['293', '3', 1],
  ['296', '1', 2], ['296', '2', 5], ['296', '3', 3], ['296', '4', 1],
  ['345', '1', 2], ['345', '2', 3], ['345', '3', 2], ['345', '4', 0.5],
];
const propertyArticles = new Set(['188', '190', '191', '192']);
const mitigatingItems = ['53.1.4', '53.1.5', '53.1.7', '53.1.10'];
const aggravatingItems = ['54.1.2', '54.1.3', '54.1.10', '54.1.12'];
/** Punishment types from mildest to most severe; arrest left out (art. 45 suspended). */
const ladder = ['fine', 'correctional-work', 'community-service', 'restriction-of-freedom', 'imprisonment'];
const outcomeColumn: Readonly<Record<string, string>> = {
  fine: 'fineMrp',
  'correctional-work': 'fineMrp',
  'community-service': 'serviceHours',
  'restriction-of-freedom': 'termMonths',
  imprisonment: 'termMonths',
};

/** The CSV columns, in order. */
export const generatedColumns = [
  'caseRef', 'synthetic', 'article', 'part', 'offenceCategory', 'damageMrp', 'priorConvictions', 'recidivism', 'guiltyPlea',
  'proceduralAgreement', 'damageCompensated', 'mitigating', 'aggravating', 'defendantMinor', 'decidedOn', 'punishment',
  'termMonths', 'fineMrp', 'serviceHours', 'defendantSex', 'defendantCitizenship',
] as const;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Generates n cases from a seed; the same seed and n give the same cases. */
export function generateKzCriminal(statutes: StatutoryBoundsService, n: number, seed = 1): GeneratedCase[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const total = offences.reduce((s, o) => s + o[2], 0);
  const start = Date.UTC(2019, 0, 1);
  const days = Math.round((Date.UTC(2025, 5, 30) - start) / 86_400_000);
  const cases: GeneratedCase[] = [];
  for (let i = 0; i < n; i += 1) {
    let pick = random() * total;
    const [article, part] = offences.find((o) => (pick -= o[2]) < 0) ?? offences[0]!;
    const category = statutes.book.articles[article]!.parts[part]!.category;
    const minor = chance(0.05);
    const priors = minor ? 0 : Math.floor(-Math.log(1 - random()) / 0.9);
    const recidivism = priors === 0 || category === 'criminal-misdemeanour' ? 'none' : chance(0.15) ? 'dangerous' : chance(0.5) ? 'recidivism' : 'none';
    const plea = chance(0.7);
    const agreement = plea && chance(0.2);
    const property = propertyArticles.has(article);
    const damage = property ? Math.round(Math.exp(1.5 + Number(part) * 0.9 + normal() * 0.8) * 10) / 10 : null;
    const compensated = !property ? 'no-damage' : chance(plea ? 0.45 : 0.15) ? 'full' : chance(0.3) ? 'partial' : 'none';
    const mitigating = mitigatingItems.filter(() => chance(0.15));
    if (plea && chance(0.6)) mitigating.push('53.1.11');
    if (compensated === 'full') mitigating.push('53.1.6');
    if (minor) mitigating.push('53.1.2');
    const aggravating = aggravatingItems.filter(() => chance(0.08));
    if (recidivism !== 'none') aggravating.push('54.1.1');
    const facts: Facts = {
      article, part: Number(part), mitigating, aggravating, recidivism, proceduralAgreement: agreement, damageCompensated: compensated, damageMrp: damage,
    };
    const bounds = statutes.bounds(boundsFacts(facts)!)!;
    const severity =
      0.45 * priors + (recidivism === 'dangerous' ? 1.4 : recidivism === 'recidivism' ? 0.8 : 0) + 0.35 * aggravating.length -
      0.25 * mitigating.length - (plea ? 0.4 : 0) - (agreement ? 0.3 : 0) - (compensated === 'full' ? 0.6 : compensated === 'partial' ? 0.2 : 0) -
      (minor ? 0.7 : 0) + 0.6 * normal();
    const allowed = ladder.filter((t) => bounds.punishments.some((p) => p.type === t && p.min !== null && p.max !== null && p.unit !== 'multiple-of-stolen'));
    const position = Math.min(allowed.length - 1, Math.max(0, Math.floor(sigmoid(severity + 0.5) * allowed.length)));
    const type = allowed[position]!;
    const limits = bounds.punishments.find((p) => p.type === type && p.unit !== 'multiple-of-stolen')!;
    const [low, high] = [limits.min!, limits.max!];
    const step = limits.unit === 'months' ? 1 : 10;
    const raw = low + sigmoid(severity + 0.3 * normal()) * (high - low);
    const amount = Math.min(high, Math.max(low, Math.round(raw / step) * step));
    const suspended = type === 'imprisonment' && recidivism === 'none' && category !== 'especially-grave' && chance(severity < 0 ? 0.6 : 0.25);
    const punishment = suspended ? 'suspended' : type;
    const date = new Date(start + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10);
    cases.push({
      caseRef: `SYN-${String(i + 1).padStart(6, '0')}`,
      synthetic: true,
      article,
      part: Number(part),
      offenceCategory: category,
      damageMrp: damage,
      priorConvictions: priors,
      recidivism,
      guiltyPlea: plea,
      proceduralAgreement: agreement,
      damageCompensated: compensated,
      mitigating,
      aggravating,
      defendantMinor: minor,
      decidedOn: date,
      punishment,
      termMonths: outcomeColumn[type] === 'termMonths' ? amount : null,
      fineMrp: outcomeColumn[type] === 'fineMrp' ? amount : null,
      serviceHours: outcomeColumn[type] === 'serviceHours' ? amount : null,
      defendantSex: chance(0.86) ? 'male' : 'female',
      defendantCitizenship: chance(0.94) ? 'kazakhstan' : chance(0.8) ? 'foreign' : 'stateless',
    });
  }
  return cases;
}

/** The cases as CSV text (checklists joined with ';', empty cells for null). */
export function casesToCsv(cases: readonly GeneratedCase[], columns: readonly string[] = generatedColumns): string {
  const cell = (v: GeneratedCase[string]) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));
  return [columns.join(','), ...cases.map((c) => columns.map((k) => cell(c[k] ?? null)).join(','))].join('\n') + '\n';
}
