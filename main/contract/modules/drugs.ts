/** Result schemas of the drug-test module (reagent spot plates, lateral-flow cassettes), shared with the viewer. */
import { z } from 'zod';
import { ProvenanceSchema } from '../findings.ts';

const lab = z.tuple([z.number(), z.number(), z.number()]);
const point = z.object({ x: z.number(), y: z.number() });

/** One target patch as measured and corrected (ΔE2000 to its reference; leave-one-out ΔE when it was in the fit). */
export const DrugsPatchSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  centre: point,
  sampledSidePx: z.number(),
  referenceLab: lab,
  rawLab: lab,
  correctedLab: lab,
  deltaE: z.number(),
  looDeltaE: z.number().nullable(),
  heldOut: z.boolean(),
  clippedFraction: z.number(),
});

/** A photo's colour calibration as stored. */
export const DrugsCalibrationSchema = z.object({
  targetId: z.string(),
  targetName: z.string(),
  corners: z.array(point).length(4),
  cornersFrom: z.enum(['detected', 'given']),
  model: z.string(),
  modelErrors: z.record(z.string(), z.number().nullable()),
  patches: z.array(DrugsPatchSchema),
  residualMean: z.number(),
  residualMax: z.number(),
  looMean: z.number(),
});

/** A table colour a well was compared with. */
export const DrugsCandidateSchema = z.object({
  substance: z.string(),
  deltaE: z.number(),
  tolerance: z.number(),
  consistent: z.boolean(),
  expectedLab: lab,
  expectedHex: z.string(),
  colourName: z.string(),
  phase: z.string().nullable(),
  line: z.number().int(),
});

/** One well of a spot plate (assigned wells carry their reagent and candidates). */
export const DrugsWellSchema = z.object({
  label: z.string(),
  x: z.number(),
  y: z.number(),
  radius: z.number(),
  rawLab: lab,
  correctedLab: lab,
  reagent: z.string().nullable(),
  blank: z.boolean(),
  reacted: z.boolean().nullable(),
  blankDeltaE: z.number().nullable(),
  candidates: z.array(DrugsCandidateSchema),
});

/** One substance across the sample's wells. */
export const DrugsSampleCandidateSchema = z.object({
  substance: z.string(),
  consistentWithAll: z.boolean(),
  inconsistentWells: z.number().int(),
  score: z.number(),
  wells: z.array(z.object({
    label: z.string(),
    reagent: z.string(),
    basis: z.enum(['listed', 'not-listed']),
    deltaE: z.number().nullable(),
    tolerance: z.number().nullable(),
    consistent: z.boolean(),
  })),
});

/** A spot-plate reading as stored and drawn by the viewer. */
export const SpotPlateResultSchema = z.object({
  kind: z.literal('drugs-spot'),
  name: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  calibration: DrugsCalibrationSchema,
  wellsFrom: z.enum(['detected', 'given']),
  wells: z.array(DrugsWellSchema),
  candidates: z.array(DrugsSampleCandidateSchema),
  outcome: z.enum(['consistent-with', 'no-reaction', 'mixture-possible', 'unexplained']),
  /** The outcome again, under the name every result's viewer line reads. */
  conclusion: z.enum(['consistent-with', 'no-reaction', 'mixture-possible', 'unexplained']),
  mixturePossible: z.boolean(),
  advice: z.array(z.string()),
  table: z.object({ file: z.string(), sha256: z.string(), rows: z.number().int() }),
  toleranceModel: z.record(z.string(), z.union([z.string(), z.number()])),
  provenance: ProvenanceSchema,
});
/** A spot-plate reading. */
export type SpotPlateResult = z.infer<typeof SpotPlateResultSchema>;

/** One line of a strip. */
const lineSchema = z.object({ present: z.boolean(), position: z.number(), absorbance: z.number() });

/** One panel of a cassette as read. */
export const DrugsStripSchema = z.object({
  drug: z.string(),
  cutoffNgMl: z.number().nullable(),
  window: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  profile: z.array(z.number()),
  control: lineSchema,
  test: lineSchema,
  noise: z.number(),
  intensityRatio: z.number().nullable(),
  result: z.enum(['positive', 'negative', 'invalid']),
});

/** A cassette reading as stored and drawn by the viewer. */
export const StripResultSchema = z.object({
  kind: z.literal('drugs-strip'),
  name: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  cassette: z.string(),
  calibration: DrugsCalibrationSchema,
  windowsFound: z.number().int(),
  strips: z.array(DrugsStripSchema),
  /** The cassette as a whole: invalid when any panel is, positive when any panel is, negative otherwise. */
  conclusion: z.enum(['positive', 'negative', 'invalid']),
  provenance: ProvenanceSchema,
});
/** A cassette reading. */
export type StripResult = z.infer<typeof StripResultSchema>;

/** A PAD card photo as read: where the card and its regions are, and the PAD model's answer. */
export const PadCardResultSchema = z.object({
  kind: z.literal('drugs-pad'),
  name: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  located: z.enum(['fiducials', 'manual-corners']),
  cardCorners: z.array(z.tuple([z.number(), z.number()])).length(4),
  regions: z.array(z.object({ lane: z.string(), region: z.number().int(), corners: z.array(z.tuple([z.number(), z.number()])), rgb: z.tuple([z.number(), z.number(), z.number()]) })),
  predicted: z.string(),
  probabilities: z.record(z.string(), z.number()),
  concentration: z.object({ predicted: z.number().nullable(), probabilities: z.record(z.string(), z.number()) }),
  abstention: z.object({ reason: z.enum(['out-of-distribution', 'ambiguous']), detail: z.string(), value: z.number(), limit: z.number() }).nullable(),
  /** 'consistent-with' the predicted ingredient, or 'abstains' when the model should not be relied on. */
  conclusion: z.enum(['consistent-with', 'abstains']),
  provenance: ProvenanceSchema,
});
/** A PAD card reading. */
export type PadCardResult = z.infer<typeof PadCardResultSchema>;
