/** A comparison result turned into findings for the case: measurements with stable keys, conclusion, overlays. */
import type { BulletComparisonResult, CartridgeComparisonResult, Measurement } from '../../../contract/index.ts';
import type { FindingDraft, OverlayDraft } from '../../findings/finding-draft.ts';

/** The module name findings of cartridge-case comparisons carry. */
export const cartridgeModule = 'ballistics.cartridge-case';

const count = (key: string, value: number, threshold: number): Measurement => ({ key, value, unit: null, threshold: { value: threshold, rule: '>=' } });
const plain = (key: string, value: number, unit: string | null): Measurement => ({ key, value, unit, threshold: null });

/**
 * One 'cmc-comparison' finding per cartridge-case comparison. Keys are stable ('cmc.count', 'cmc.count.aToB', …):
 * summaries and the interface translate them. The conclusion follows the result (identification at the threshold in
 * both directions, otherwise inconclusive); the expert's review decides from there.
 */
export function cartridgeFindingDrafts(result: CartridgeComparisonResult, overlays: readonly OverlayDraft[]): FindingDraft[] {
  const p = result.provenance.parameters;
  const num = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : null);
  const measurements: Measurement[] = [
    count('cmc.count', result.cmcCount, result.threshold),
    count('cmc.count.aToB', result.aToB.cmcCount, result.threshold),
    count('cmc.count.bToA', result.bToA.cmcCount, result.threshold),
    plain('cmc.threshold', result.threshold, null),
    plain('cmc.cells.aToB', result.aToB.cellsCompared, null),
    plain('cmc.cells.bToA', result.bToA.cellsCompared, null),
    plain('cmc.consensus.theta', result.aToB.consensus.theta, 'deg'),
    plain('cmc.consensus.dx', result.aToB.consensus.dx * result.a.pixelUm, 'µm'),
    plain('cmc.consensus.dy', result.aToB.consensus.dy * result.a.pixelUm, 'µm'),
    plain('cmc.consensus.theta.bToA', result.bToA.consensus.theta, 'deg'),
    plain('cmc.pixelUm', result.a.pixelUm, 'µm'),
  ];
  for (const key of ['ccfThreshold', 'thetaThreshold', 'translationThreshold'] as const) {
    const value = num(key);
    if (value !== null) measurements.push(plain(`cmc.param.${key}`, value, key === 'thetaThreshold' ? 'deg' : key === 'translationThreshold' ? 'px' : null));
  }
  const evidenceIds = [result.a.evidenceId, result.b.evidenceId].filter((id): id is string => id !== null);
  return [
    {
      module: cartridgeModule,
      kind: 'cmc-comparison',
      evidenceIds,
      measurements,
      conclusion: result.conclusion,
      provenance: result.provenance,
      overlays,
    },
  ];
}

/** Every measurement key a cartridge-case finding may carry (declared to the findings store). */
export const cartridgeMeasurementKeys = [
  'cmc.count',
  'cmc.count.aToB',
  'cmc.count.bToA',
  'cmc.threshold',
  'cmc.cells.aToB',
  'cmc.cells.bToA',
  'cmc.consensus.theta',
  'cmc.consensus.dx',
  'cmc.consensus.dy',
  'cmc.consensus.theta.bToA',
  'cmc.pixelUm',
  'cmc.param.ccfThreshold',
  'cmc.param.thetaThreshold',
  'cmc.param.translationThreshold',
] as const;

/** Every measurement key a bullet or land-pair finding may carry. */
export const bulletMeasurementKeys = [
  'bullet.score',
  'bullet.landThreshold',
  'bullet.rotation.offset',
  'bullet.lands.a',
  'bullet.lands.b',
  'bullet.landMatches',
  'land.score',
  'land.ccf',
  'land.cms',
  'land.d',
  'land.overlap',
  'land.lag',
  'land.a',
  'land.b',
] as const;

/** The module name findings of bullet comparisons carry. */
export const bulletModule = 'ballistics.bullet';

/**
 * One 'bullet-pair' finding (the bullet score by the best land rotation) and one 'land-pair' finding per land pair of
 * that rotation. The bullet conclusion is identification at the land threshold, otherwise inconclusive: a low score
 * alone never supports an elimination.
 */
export function bulletFindingDrafts(result: BulletComparisonResult, overlays: readonly OverlayDraft[]): FindingDraft[] {
  const threshold = result.landThreshold;
  const pairs = result.rotation.pairs.map(([i, j]) => result.landPairs.find((p) => p.a === i && p.b === j)).filter((p) => p !== undefined);
  const ids = (refs: ReadonlyArray<{ evidenceId: string | null }>) => refs.map((r) => r.evidenceId).filter((id): id is string => id !== null);
  const bullet: FindingDraft = {
    module: bulletModule,
    kind: 'bullet-pair',
    evidenceIds: ids([...result.a, ...result.b]),
    measurements: [
      { key: 'bullet.score', value: result.bulletScore, unit: null, threshold: { value: threshold, rule: '>=' } },
      plain('bullet.landThreshold', threshold, null),
      plain('bullet.rotation.offset', result.rotation.offset, null),
      plain('bullet.lands.a', result.a.length, null),
      plain('bullet.lands.b', result.b.length, null),
      plain('bullet.landMatches', pairs.filter((p) => p.score >= threshold).length, null),
    ],
    conclusion: result.bulletScore >= threshold ? 'identification' : 'inconclusive',
    provenance: result.provenance,
    overlays,
  };
  const lands: FindingDraft[] = pairs.map((p) => ({
    module: bulletModule,
    kind: 'land-pair',
    evidenceIds: ids([result.a[p.a]!, result.b[p.b]!]),
    measurements: [
      { key: 'land.score', value: p.score, unit: null, threshold: { value: threshold, rule: '>=' } },
      plain('land.ccf', p.ccf, null),
      plain('land.cms', p.cms, null),
      plain('land.d', p.d, 'µm'),
      plain('land.overlap', p.overlap, null),
      plain('land.lag', p.lagUm, 'µm'),
      { key: 'land.a', value: result.a[p.a]!.name, unit: null, threshold: null },
      { key: 'land.b', value: result.b[p.b]!.name, unit: null, threshold: null },
    ],
    conclusion: null,
    provenance: result.provenance,
    overlays: [],
  }));
  return [bullet, ...lands];
}
