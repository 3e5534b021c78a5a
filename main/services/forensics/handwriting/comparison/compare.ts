/**
 * Writer comparison from cluster fill profiles: did the writer of the known samples write the questioned document?
 * Known pages are pooled by summing their counts; the pair's distance features go through the installed set's ONNX
 * score model; the margin becomes a score-based likelihood ratio through the set's reference curve, bounded by its
 * ELUB range, and is put on the ENFSI verbal scale. The module abstains (slr null, a reason code and words) when
 * either side has fewer graphs than the set's measured floor, or when no set is installed for the declared script.
 */
import { DalelError } from '../../../errors.ts';
import { featureCount, pairFeatures } from '../../../../../models/handwriting/features.ts';
import { clusterCount, fillRates, graphCount, pooledCounts } from '../../../../../models/handwriting/profiles.ts';
import { scoreMargin } from '../../../../../models/handwriting/score-model.ts';
import { boundedLog10Slr, unboundedLog10Slr, verbalScale } from '../../../../../models/handwriting/slr.ts';
import { handwritingSetFor, installedHandwritingSets, type HandwritingSet } from './set-store.ts';
import { scoreRunnerFor } from './score-runner.ts';

/** The comparison method's version (what turns a score into an SLR; the model has its own hash). */
export const comparisonVersion = '1.0.0';

/** Why the module gives no SLR. */
export type ComparisonAbstentionReason = 'script-not-installed' | 'too-few-graphs';

/** One cluster's part in a comparison (for the viewer's fill-rate chart and "what drives the score"). */
export interface ClusterComparison {
  readonly cluster: number;
  readonly knownRate: number;
  readonly questionedRate: number;
  /** How much the margin falls because of this cluster (margin with the cluster left out of both profiles minus margin). */
  readonly effect: number;
}

/** The result of one comparison. */
export interface WriterComparison {
  /** The model's score in [0, 1] (uncalibrated: read the SLR); null when no set is installed for the script. */
  readonly score: number | null;
  /** The score's log-odds, the value the reference curve reads. */
  readonly margin: number | null;
  readonly slr: number | null;
  readonly log10Slr: number | null;
  /** The log10 SLR before the ELUB bounds (what the densities alone say). */
  readonly unboundedLog10Slr: number | null;
  /** ENFSI verbal scale code, e.g. `moderate-support-same-writer` (see models/handwriting/slr.ts verbalScale). */
  readonly verbal: string | null;
  readonly abstention: { readonly reason: ComparisonAbstentionReason; readonly message: string } | null;
  readonly script: string;
  readonly graphs: { readonly known: number; readonly questioned: number; readonly minimum: number | null };
  readonly bounds: { readonly lowerLog10: number; readonly upperLog10: number } | null;
  readonly clusters: readonly ClusterComparison[];
  /** Provenance: the model's and the reference set's SHA-256, the algorithm and the method version. */
  readonly model: { readonly hash: string; readonly referenceHash: string; readonly algorithm: string; readonly version: string } | null;
}

/** Options: a lab's own set folder root (its sets win over the shipped ones for their script). */
export interface CompareOptions {
  readonly labSetsDir?: string | null;
}

function checkedCounts(counts: readonly number[], side: string): number[] {
  if (!Array.isArray(counts) || counts.length !== clusterCount) {
    throw new DalelError('BAD_INPUT', `the ${side} profile has ${Array.isArray(counts) ? counts.length : 'no'} cluster counts, not ${clusterCount}`, { reasonCode: 'bad-profile' });
  }
  return pooledCounts([{ counts }]);
}

/**
 * Each cluster's effect: the margin with that cluster left out of both profiles (every feature recomputed on the
 * other 39) minus the margin. Positive: the cluster's difference pulled the score toward different writers.
 */
function clusterEffects(set: HandwritingSet, knownCounts: readonly number[], questionedCounts: readonly number[], known: Float64Array, questioned: Float64Array): ClusterComparison[] {
  const base = scoreMargin(set.model, pairFeatures(knownCounts, questionedCounts, set.model.twoLevel));
  return Array.from({ length: clusterCount }, (_, k) => {
    const without = (counts: readonly number[]) => counts.map((c, m) => (m === k ? 0 : c));
    const margin = scoreMargin(set.model, pairFeatures(without(knownCounts), without(questionedCounts), set.model.twoLevel));
    return { cluster: k + 1, knownRate: known[k]!, questionedRate: questioned[k]!, effect: margin - base };
  });
}

/** Compares pooled known profiles with a questioned one under the set installed for `script`. */
export async function compareWriterProfiles(
  known: readonly { readonly counts: readonly number[] }[],
  questioned: { readonly counts: readonly number[] },
  script: string,
  options: CompareOptions = {},
): Promise<WriterComparison> {
  if (!known.length) throw new DalelError('BAD_INPUT', 'no known profile to compare with', { reasonCode: 'no-known' });
  const knownCounts = pooledCounts(known.map((k, i) => ({ counts: checkedCounts(k.counts, `known #${i + 1}`) })));
  const questionedCounts = checkedCounts(questioned.counts, 'questioned');
  const graphs = { known: graphCount(knownCounts), questioned: graphCount(questionedCounts) };
  const knownRates = fillRates(knownCounts);
  const questionedRates = fillRates(questionedCounts);
  const set = handwritingSetFor(script, options.labSetsDir);
  if (!set) {
    const installed = [...new Set(installedHandwritingSets(options.labSetsDir).map((s) => s.script))];
    return {
      score: null,
      margin: null,
      slr: null,
      log10Slr: null,
      unboundedLog10Slr: null,
      verbal: null,
      abstention: {
        reason: 'script-not-installed',
        message: `no reference set is installed for ${script} writing (installed: ${installed.join(', ') || 'none'}); the profiles can be compared visually, but no likelihood ratio can be given`,
      },
      script,
      graphs: { ...graphs, minimum: null },
      bounds: null,
      clusters: Array.from({ length: clusterCount }, (_, k) => ({ cluster: k + 1, knownRate: knownRates[k]!, questionedRate: questionedRates[k]!, effect: 0 })),
      model: null,
    };
  }
  const features = pairFeatures(knownCounts, questionedCounts, set.model.twoLevel);
  const runner = await scoreRunnerFor(set.modelSha256, set.onnx, featureCount);
  const out = await runner.run(features, 1);
  const margin = out.margin[0]!;
  const minimum = set.reference.minGraphs;
  const shortest = Math.min(graphs.known, graphs.questioned);
  const tooShort = shortest < minimum;
  const log10Slr = tooShort ? null : boundedLog10Slr(set.reference.curve, margin);
  const side = graphs.questioned <= graphs.known ? 'questioned' : 'known';
  return {
    score: out.score[0]!,
    margin,
    slr: log10Slr === null ? null : 10 ** log10Slr,
    log10Slr,
    unboundedLog10Slr: tooShort ? null : unboundedLog10Slr(set.reference.curve, margin),
    verbal: log10Slr === null ? null : verbalScale(log10Slr),
    abstention: tooShort
      ? {
          reason: 'too-few-graphs',
          message: `the ${side} writing has ${shortest} graphs; the ${set.script} reference set supports a likelihood ratio from ${minimum} graphs on (below that the measured rates of misleading evidence rise)`,
        }
      : null,
    script,
    graphs: { ...graphs, minimum },
    bounds: { lowerLog10: set.reference.curve.lowerLog10, upperLog10: set.reference.curve.upperLog10 },
    clusters: clusterEffects(set, knownCounts, questionedCounts, knownRates, questionedRates),
    model: { hash: set.modelSha256, referenceHash: set.referenceSha256, algorithm: `${set.model.algorithm}+kde-elub`, version: comparisonVersion },
  };
}
