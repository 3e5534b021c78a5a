import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestChannels } from '../../../../main/contract/index.ts';
import { renderImage, renderX3p, renderX3pCached } from '../../../../main/services/forensics/ballistics/surface-render.ts';
import type { Workstation } from '../../../../main/services/workstation.ts';
import { syntheticSurface, x3pOf } from '../../../helpers/surfaces.ts';
import { makePng, seedUsers, testWorkstation } from '../../../helpers/workstation.ts';

/** A grey 8- or 16-bit PNG whose pixel i has value values[i]. */
function greyPng(width: number, height: number, values: readonly number[], bitDepth: 8 | 16): Uint8Array {
  const png = new PNG({ width, height, bitDepth, colorType: 0, inputColorType: 0, inputHasAlpha: false } as ConstructorParameters<typeof PNG>[0]);
  const data = bitDepth === 16 ? new Uint16Array(values) : new Uint8Array(values);
  png.data = Buffer.from(data.buffer);
  return new Uint8Array(PNG.sync.write(png, { bitDepth, colorType: 0, inputColorType: 0, inputHasAlpha: false } as Parameters<typeof PNG.sync.write>[1]));
}

const greyLevels = (png: Uint8Array) => {
  const decoded = PNG.sync.read(Buffer.from(png));
  return Array.from({ length: decoded.width * decoded.height }, (_, i) => decoded.data[4 * i]!);
};

describe('drawn surfaces for the viewer', () => {
  it('are remembered by SHA-256 and style: the bytes are read once per style, and the image is the one drawn afresh', () => {
    const bytes = x3pOf(syntheticSurface(64, 3));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let reads = 0;
    const read = () => {
      reads += 1;
      return bytes;
    };
    const first = renderX3pCached('a.x3p', sha256, read, 'relief');
    expect(renderX3pCached('a.x3p', sha256, read, 'relief')).toBe(first);
    expect(reads).toBe(1);
    const colour = renderX3pCached('a.x3p', sha256, read, 'false-colour');
    expect(reads).toBe(2);
    expect(colour.png).not.toEqual(first.png);
    expect(first).toEqual(renderX3p('a.x3p', bytes, 'relief'));
  });

  it('forgets the least recently used surface once full', () => {
    const bytes = x3pOf(syntheticSurface(32, 5));
    let reads = 0;
    const read = () => {
      reads += 1;
      return bytes;
    };
    renderX3pCached('keep.x3p', 'k'.repeat(64), read, 'relief');
    for (let i = 0; i < 20; i++) {
      renderX3pCached(`s${i}.x3p`, String(i).padStart(64, '0'), read, 'relief');
      renderX3pCached('keep.x3p', 'k'.repeat(64), read, 'relief');
    }
    expect(reads).toBe(21);
    renderX3pCached('s0.x3p', '0'.padStart(64, '0'), read, 'relief');
    expect(reads).toBe(22);
  });
});

describe('drawing 2D images for the viewer', () => {
  it('shows an 8-bit grey image as recorded, with no height range and no scale unless the pixel size is known', () => {
    const drawn = renderImage('page.png', greyPng(3, 1, [0, 128, 255], 8), 'relief');
    expect({ width: drawn.width, height: drawn.height, pixelUm: drawn.pixelUm, zMinUm: drawn.zMinUm, zMaxUm: drawn.zMaxUm }).toEqual({ width: 3, height: 1, pixelUm: null, zMinUm: null, zMaxUm: null });
    expect(greyLevels(drawn.png)).toEqual([0, 128, 255]);
    expect(renderImage('page.png', greyPng(3, 1, [0, 128, 255], 8), 'relief', 1.6).pixelUm).toBeCloseTo(1.6, 9);
  });

  it('scales a 16-bit image to the screen’s 8 bits, and a JPEG draws too', () => {
    expect(greyLevels(renderImage('face.png', greyPng(3, 1, [0, 32896, 65535], 16), 'relief').png)).toEqual([0, 128, 255]);
    const rgba = Buffer.alloc(4 * 4 * 4, 200);
    const photo = renderImage('photo.jpg', new Uint8Array(jpeg.encode({ data: rgba, width: 4, height: 4 }, 95).data), 'false-colour');
    expect([photo.width, photo.height]).toEqual([4, 4]);
  });

  it('downsamples a large image to 2048 pixels on its long side, its pixel size scaled to match', () => {
    const drawn = renderImage('big.png', makePng(4096, 1024), 'relief', 2);
    expect([drawn.width, drawn.height]).toEqual([2048, 512]);
    expect(drawn.pixelUm).toBeCloseTo(4);
  });
});

describe("'evidence.surface' on every viewable kind", () => {
  let ws: Workstation;
  let dispose: () => void;
  let clients: Awaited<ReturnType<typeof seedUsers>>;
  let caseId: string;
  beforeEach(async () => {
    ({ ws, dispose } = testWorkstation());
    clients = await seedUsers(ws);
    caseId = (await ws.dispatcher.invoke(clients.expert, 'cases.create', { number: 'V-1', venue: 'Almaty', caseType: 'criminal', parties: 'State v. X' }).then((r) => (r.ok ? (r.value as { id: string }).id : '')));
  });
  afterEach(() => dispose());

  const add = async (fileName: string, bytes: Uint8Array) => {
    const result = await ws.dispatcher.invoke(clients.expert, 'evidence.add', { caseId, fileName, bytes });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { evidence: { id: string } }).evidence.id;
  };

  it('draws PNG images (8- and 16-bit) and X3P scans, and refuses a PDF by name instead of calling it an unsupported type', async () => {
    const ids = [await add('page-1.png', makePng(64, 48, 1)), await add('page-2.png', makePng(64, 48, 2, 16)), await add('scan.x3p', x3pOf(syntheticSurface(40, 1)))];
    for (const evidenceId of ids) {
      const result = await ws.dispatcher.invoke(clients.judge, 'evidence.surface', { evidenceId, style: 'relief' });
      expect(result.ok).toBe(true);
      if (result.ok) requestChannels['evidence.surface'].response.parse(result.value);
    }
    const image = await ws.dispatcher.invoke(clients.expert, 'evidence.surface', { evidenceId: ids[0]!, style: 'false-colour' });
    expect(image.ok && (image.value as { width: number; pixelUm: number | null })).toMatchObject({ width: 64, pixelUm: null });
    const pdf = await add('report.pdf', new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    const refused = await ws.dispatcher.invoke(clients.expert, 'evidence.surface', { evidenceId: pdf, style: 'relief' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.params).toMatchObject({ file: 'report.pdf', reasonCode: 'not-viewable' });
  });
});
