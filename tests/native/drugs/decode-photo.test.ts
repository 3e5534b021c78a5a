import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { jpegFrameSize } from '../../../native/codecs/jpeg/jpeg-size.ts';
import { decodePhoto, encodeJpeg, encodePng } from '../../../native/drugs/image/rgba-image.ts';
import { InputError } from '../../../native/input-error.ts';

function gradient(width: number, height: number) {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const x = i % width;
    const y = Math.floor(i / width);
    data.set([Math.round((x * 255) / width), Math.round((y * 255) / height), (x + y) % 256, 255], i * 4);
  }
  return { width, height, data };
}

describe('decoding colour-test photos', () => {
  it('decodes a JPEG with libjpeg to within 4 levels of the JavaScript decoder, same size and orientation', () => {
    const bytes = encodeJpeg(gradient(320, 200), 92);
    expect(jpegFrameSize(bytes)).toEqual({ width: 320, height: 200 });
    const ours = decodePhoto(bytes, 'plate.jpg');
    const reference = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    expect([ours.width, ours.height]).toEqual([320, 200]);
    let worst = 0;
    for (let i = 0; i < ours.data.length; i += 1) worst = Math.max(worst, Math.abs(ours.data[i]! - reference.data[i]!));
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('keeps decoding PNG photos exactly', () => {
    const image = gradient(64, 48);
    expect(Array.from(decodePhoto(encodePng(image), 'plate.png').data)).toEqual(Array.from(image.data));
  });

  it('refuses a JPEG whose header declares more pixels than allowed, before decoding, naming the file', () => {
    const bytes = encodeJpeg(gradient(16, 16), 90);
    const at = bytes.findIndex((b, i) => b === 0xff && bytes[i + 1] === 0xc0);
    const huge = bytes.slice();
    huge.set([0xff, 0xff, 0xff, 0xff], at + 5); // 65 535 × 65 535
    expect(() => decodePhoto(huge, 'huge.jpg')).toThrow(InputError);
    expect(() => decodePhoto(huge, 'huge.jpg')).toThrow(/huge\.jpg.*65535×65535 pixels is more than allowed/);
  });

  it('refuses a truncated or frameless JPEG and a non-photo, naming the file', () => {
    const bytes = encodeJpeg(gradient(64, 64), 90);
    expect(() => decodePhoto(bytes.slice(0, 40), 'cut.jpg')).toThrow(/cut\.jpg/);
    expect(() => decodePhoto(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 'empty.jpg')).toThrow(/empty\.jpg: the photo could not be decoded/);
    expect(() => decodePhoto(new TextEncoder().encode('GIF89a'), 'x.gif')).toThrow(/x\.gif: a colour-test photo must be a JPEG or PNG/);
  });
});
