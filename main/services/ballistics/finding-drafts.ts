/** A comparison result turned into findings for the case: measurements with stable keys, conclusion, overlays. */
import type { CartridgeComparisonResult, Measurement } from '../../contract.ts';
import type { FindingDraft, OverlayDraft } from '../findings/finding-draft.ts';

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
