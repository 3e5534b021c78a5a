/** The one check every drug-test method makes of its input: a photo declared as the kind the method reads. */
import type { EvidenceKind } from '../../../contract/index.ts';
import { badInput } from '../../errors.ts';
import type { MethodInput } from '../module.ts';
import type { DrugsPhotoInput } from './pipelines.ts';

/** The image formats a drug-test photo may have. */
export const photoFormats: readonly EvidenceKind[] = ['jpeg', 'png'];

/**
 * Refuses an input the method was not validated on: another evidence kind than `accepted`, or not a JPEG or PNG.
 * `label` names the method and `photo` what the picture is, in the refusal ("spot-plate", "colour-test photo").
 */
export function checkPhoto(input: MethodInput, accepted: string, label: string, photo = 'colour-test photo'): DrugsPhotoInput {
  if (input.category !== accepted) {
    throw badInput(input.name, 'wrong-evidence-kind', `it is declared as "${input.category}" evidence; the ${label} method reads only "${accepted}" photos`, { category: input.category });
  }
  if (!photoFormats.includes(input.format)) throw badInput(input.name, 'unsupported-type', `a ${photo} must be a JPEG or PNG image`);
  return { name: input.name, sha256: input.sha256, evidenceId: input.evidenceId, bytes: input.bytes };
}
