/**
 * Reading a spot-plate photo end to end: calibrate on the target, find the wells (or take the expert's), sample each
 * assigned well's centre (trimmed mean, clipped wells refused), correct its colour, and combine the wells into what
 * the sample is consistent with. Pure: photo and table in, reading out (the service stores it and audits the run).
 */
import { calibratePhoto, type Calibration, type CalibrationOptions } from '../calibration/calibrate.ts';
import { correctedLab } from '../calibration/correction.ts';
import { sampleDisc } from '../calibration/sampling.ts';
import { linearRgbToLab, type Triple } from '../colour/spaces.ts';
import { badInput } from '../../input-error.ts';
import type { RgbaImage } from '../image/rgba-image.ts';
import type { WellAssignment } from './assignments.ts';
import type { ColourTable } from './colour-table.ts';
import { combineWells, type SampleReading } from './combine.ts';
import { findWells, type Well } from './wells.ts';

/** Fraction of a well's radius sampled (its centre, away from the rim and meniscus). */
export const WELL_SAMPLE_FRACTION = 0.55;
/** Refuse a well when more than this fraction of its samples are clipped. */
export const WELL_MAX_CLIPPED = 0.05;

/** A sampled well: circle, raw and corrected colour. */
export interface SampledWell extends Well {
  readonly rawLab: Triple;
  readonly correctedLab: Triple;
  readonly clippedFraction: number;
}

/** A read spot plate. */
export interface SpotPlateReading {
  readonly calibration: Calibration;
  readonly wellsFrom: 'detected' | 'given';
  /** Every well found (assigned or not). */
  readonly wells: readonly SampledWell[];
  readonly assignments: readonly WellAssignment[];
  readonly sample: SampleReading;
}

/** Reads a spot plate (see the file comment). `wells` replaces detection (the expert's corrected circles). */
export function readSpotPlate(
  photo: RgbaImage,
  fileName: string,
  table: ColourTable,
  assignments: readonly WellAssignment[],
  options: CalibrationOptions & { readonly wells?: readonly Well[] } = {},
  onStage: (stage: string, progress: number) => void = () => {},
): SpotPlateReading {
  onStage('drugs.calibrate', 0.1);
  const calibration = calibratePhoto(photo, fileName, options);
  onStage('drugs.wells', 0.5);
  const found = options.wells ?? findWells(photo, calibration.correction);
  const wells: SampledWell[] = found.map((well) => {
    const sample = sampleDisc(photo, well.x, well.y, well.radius * WELL_SAMPLE_FRACTION);
    return { ...well, rawLab: linearRgbToLab(sample.linear), correctedLab: correctedLab(calibration.correction, sample.linear), clippedFraction: sample.clippedFraction };
  });
  onStage('drugs.match', 0.8);
  const byLabel = new Map(wells.map((w) => [w.label, w]));
  for (const a of assignments) {
    const well = byLabel.get(a.label);
    if (!well) {
      throw badInput(fileName, 'well-not-found', `well ${a.label} was not found on the plate (found: ${wells.map((w) => w.label).join(', ') || 'none'}); correct the wells in the viewer`, { well: a.label });
    }
    if (well.clippedFraction > WELL_MAX_CLIPPED) throw badInput(fileName, 'photo-clipped', `well ${a.label} is over-exposed (clipped); lower the exposure and photograph again`, { well: a.label });
  }
  const blanks = new Map(assignments.filter((a) => a.blank).map((a) => [a.reagent, byLabel.get(a.label)!.correctedLab]));
  const tested = assignments.filter((a) => !a.blank);
  if (tested.length === 0) throw badInput(fileName, 'no-reagents', 'every assigned well is a blank: assign at least one well with the sample');
  const sample = combineWells(
    table,
    tested.map((a) => {
      const blankLab = blanks.get(a.reagent);
      return { label: a.label, reagent: a.reagent, lab: byLabel.get(a.label)!.correctedLab, ...(blankLab ? { blankLab } : {}) };
    }),
    calibration.looMean,
  );
  onStage('done', 1);
  return { calibration, wellsFrom: options.wells ? 'given' : 'detected', wells, assignments, sample };
}
