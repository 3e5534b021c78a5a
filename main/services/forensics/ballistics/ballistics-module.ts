/**
 * Ballistics as a forensic module: cartridge-case scans compared by Congruent Matching Cells, bullet lands by their
 * signatures. It declares its evidence kinds, its two methods (ids kept from the first release, so stored runs,
 * findings and the CLI stay valid), their domain checks, its pipelines, measurement keys and summary templates.
 */
import { StoredCartridgeResultSchema } from './stored-result.ts';
import { z } from 'zod';
import type { EvidenceKind } from '../../../contract/index.ts';
import { BulletComparisonResultSchema, CartridgeComparisonResultSchema } from '../../../contract/index.ts';
import { bulletAlgorithm } from '../../../../native/bullet/bullet-compare.ts';
import { cmcAlgorithm } from '../../../../native/cmc/cmc-run.ts';
import { badInput, DalelError } from '../../errors.ts';
import { methodRecord, type EvidenceKindDeclaration, type FileFacts, type ForensicMethod, type ForensicModule, type MethodInput } from '../module.ts';
import { bulletParametersFrom } from './bullet-parameters.ts';
import { cmcParametersFrom } from './cmc-parameters.ts';
import { bulletFindingDrafts, bulletMeasurementKeys, bulletModule, cartridgeFindingDrafts, cartridgeMeasurementKeys, cartridgeModule } from './finding-drafts.ts';
import { bulletLandKind, cartridgeCaseKind } from './kinds.ts';
import { ballisticsPipelines, type BallisticsJobOutput } from './pipelines.ts';
import { sanityLimits } from './sanity.ts';
import { bulletSummary } from './summary-bullet.ts';
import { cartridgeCaseSummary } from './summary-cartridge-case.ts';
import type { SurfaceSource } from './surface-input.ts';

const images: readonly EvidenceKind[] = ['png', 'jpeg', 'tiff'];
/** Land scans are long strips (Hamby 252: 500 × 1 588 points); breech faces are about square (Fadul: 545 × 545). */
const elongation = (f: FileFacts) => (f.width && f.height ? Math.max(f.width, f.height) / Math.min(f.width, f.height) : 1);

const kinds: readonly EvidenceKindDeclaration[] = [
  {
    id: cartridgeCaseKind,
    formats: ['x3p', ...images],
    imagesNeedPixelSize: true,
    // A 2D image could be anything (a page, a photograph): only the expert can say it is a breech face.
    suggest: (f) => (f.format === 'x3p' && elongation(f) < 2.5 ? 0.8 : 0),
  },
  { id: bulletLandKind, formats: ['x3p'], imagesNeedPixelSize: false, suggest: (f) => (f.format === 'x3p' && elongation(f) >= 2.5 ? 0.8 : 0) },
];

/** The options both methods take: parameter overrides (recorded with the result) and, for bullets, the split. */
const cartridgeOptions = z.object({ parameters: z.record(z.string(), z.number()).optional() });
const bulletOptions = z.object({ parameters: z.record(z.string(), z.number()).optional(), bulletASize: z.number().int().positive().optional() });

const methodLabel = { [cartridgeModule]: 'cartridge-case (CMC)', [bulletModule]: 'bullet-land signature' } as const;

/** Refuses an input the method was not validated on: its declared kind, its format, its pixel size. */
function checkDomain(method: typeof cartridgeModule | typeof bulletModule, accepted: string, input: MethodInput): SurfaceSource {
  if (input.category !== accepted) {
    throw badInput(
      input.name,
      'wrong-evidence-kind',
      `it is declared as "${input.category}" evidence; the ${methodLabel[method]} method was validated only on "${accepted}" items`,
      { category: input.category, method },
    );
  }
  const needsPixelSize = images.includes(input.format);
  if (method === bulletModule && input.format !== 'x3p') throw badInput(input.name, 'unsupported-type', 'bullet land comparisons need X3P height scans, not 2D images');
  if (!needsPixelSize && input.format !== 'x3p') throw badInput(input.name, 'unsupported-type', `a ${input.format.toUpperCase()} file is not a surface scan`);
  if (needsPixelSize && input.pixelUm === null) throw badInput(input.name, 'pixel-size-missing', 'a 2D image carries no lateral scale: give its pixel size in µm');
  if (input.pixelUm !== null && needsPixelSize && !(input.pixelUm >= sanityLimits.pixelUm.min && input.pixelUm <= sanityLimits.pixelUm.max)) {
    throw badInput(input.name, 'implausible-pixel-size', `its declared pixel size of ${input.pixelUm} µm is outside the ${sanityLimits.pixelUm.min}–${sanityLimits.pixelUm.max} µm the method was validated on`);
  }
  return { name: input.name, sha256: input.sha256, evidenceId: input.evidenceId, kind: input.format, bytes: input.bytes, ...(needsPixelSize ? { pixelUm: input.pixelUm! } : {}) };
}

/** The warnings the pipeline's sanity checks recorded with the result's parameters. */
const sanityWarnings = (parameters: Readonly<Record<string, unknown>>): string[] =>
  Array.isArray(parameters.sanityWarnings) ? parameters.sanityWarnings.filter((w): w is string => typeof w === 'string') : [];

const cartridgeMethod: ForensicMethod = {
  id: cartridgeModule,
  algorithm: cmcAlgorithm,
  acceptedKinds: [cartridgeCaseKind],
  arity: { min: 2, max: 2 },
  options: cartridgeOptions,
  resultSchema: StoredCartridgeResultSchema,
  prepare(inputs, options) {
    const { parameters: overrides = {} } = cartridgeOptions.parse(options);
    const parameters = cmcParametersFrom(overrides);
    const sources = inputs.map((input) => checkDomain(cartridgeModule, cartridgeCaseKind, input));
    const pixelUm = Object.fromEntries(sources.filter((s) => s.pixelUm !== undefined && s.evidenceId).map((s) => [s.evidenceId!, s.pixelUm!]));
    return {
      payload: { a: sources[0]!, b: sources[1]!, parameters: overrides },
      parameters: { ...parameters, ...(Object.keys(pixelUm).length ? { pixelUm } : {}) },
    };
  },
  record(output) {
    const out = output as Extract<BallisticsJobOutput, { type: 'ballistics.cartridge-case' }>;
    const result = CartridgeComparisonResultSchema.parse(out.result);
    return methodRecord(result, cartridgeFindingDrafts(result, out.overlays), {
      blobs: out.surfaces,
      outputs: { surfaceA: result.a.sha256, surfaceB: result.b.sha256 },
      summary: { cmcAToB: result.aToB.cmcCount, cmcBToA: result.bToA.cmcCount, conclusion: result.conclusion },
      warnings: sanityWarnings(result.provenance.parameters),
    });
  },
};

const bulletMethod: ForensicMethod = {
  id: bulletModule,
  algorithm: bulletAlgorithm,
  acceptedKinds: [bulletLandKind],
  arity: { min: 2, max: 20 },
  options: bulletOptions,
  resultSchema: BulletComparisonResultSchema,
  prepare(inputs, options) {
    const { parameters: overrides = {}, bulletASize: split } = bulletOptions.parse(options);
    if (split === undefined || split >= inputs.length) {
      throw new DalelError('VALIDATION', "A bullet comparison needs bulletASize: how many of the items are bullet A's lands (the rest are B's).", { field: 'bulletASize' });
    }
    const parameters = bulletParametersFrom(overrides);
    const sources = inputs.map((input) => checkDomain(bulletModule, bulletLandKind, input));
    return { payload: { a: sources.slice(0, split), b: sources.slice(split), parameters: overrides }, parameters: { ...parameters } };
  },
  record(output) {
    const out = output as Extract<BallisticsJobOutput, { type: 'ballistics.bullet' }>;
    const result = BulletComparisonResultSchema.parse(out.result);
    return methodRecord(result, bulletFindingDrafts(result, out.overlays), {
      summary: { bulletScore: result.bulletScore.toFixed(4), rotationOffset: result.rotation.offset, conclusion: result.conclusion },
      warnings: sanityWarnings(result.provenance.parameters),
    });
  },
};

/** The ballistics module. */
export const ballisticsModule: ForensicModule = {
  id: 'ballistics',
  evidenceKinds: kinds,
  methods: [cartridgeMethod, bulletMethod],
  pipelines: ballisticsPipelines,
  findingKinds: { [cartridgeModule]: ['cmc-comparison'], [bulletModule]: ['bullet-pair', 'land-pair'] },
  measurementKeys: { [cartridgeModule]: cartridgeMeasurementKeys, [bulletModule]: bulletMeasurementKeys },
  summaries: [cartridgeCaseSummary, bulletSummary],
};
