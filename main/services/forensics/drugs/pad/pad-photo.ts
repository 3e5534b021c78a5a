/** A PAD card photo → its 12 × 10 region colours (native/drugs/pad) → the PAD model's answer. */
import { readPadCard, type PadCardReading } from '../../../../../native/drugs/pad/pad-card-reader.ts';
import { decodeRgb } from '../../../../../native/drugs/pad/rgb-image.ts';
import { atServiceBoundary } from '../../../native-input.ts';
import { padRunner, type PadClassification } from './pad-runner.ts';

export interface PadCardPhotoReading extends PadCardReading {
  readonly width: number;
  readonly height: number;
  readonly classification: PadClassification;
}

const decode = atServiceBoundary(decodeRgb);
const read = atServiceBoundary(readPadCard);

/**
 * Reads a card photo (PNG or JPEG). `corners`: the card's outer corners in the photo (top-left, top-right,
 * bottom-right, bottom-left, pixels), when the expert placed them; otherwise the fiducials are found.
 */
export async function readPadCardPhoto(bytes: Uint8Array, name: string, corners?: Array<[number, number]>, options: { modelDir?: string } = {}): Promise<PadCardPhotoReading> {
  const image = decode(bytes, name);
  const reading = read(image, name, corners);
  const runner = await padRunner(options.modelDir);
  const [classification] = await runner.classify(Float64Array.from(reading.features), 1);
  return { ...reading, width: image.width, height: image.height, classification: classification! };
}
