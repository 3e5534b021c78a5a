import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliContext } from '../../main/cli/context.ts';
import { addPadCommands } from '../../main/cli/drugs-pad-commands.ts';
import { PasswordInput } from '../../main/cli/password-input.ts';
import { padFeatureColumns } from '../../models/drugs/pad-layout.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

/** `dalel drugs …` with only the PAD commands (drugs-commands.ts adds them to the real tree). */
async function dalelDrugs(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), passwords: new PasswordInput(Readable.from([''])) };
  const program = new Command('dalel')
    .option('--data-dir <dir>')
    .option('--json')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const context = new CliContext(program, io);
  const drugs = program.command('drugs').exitOverride();
  addPadCommands(drugs, context);
  let code = 0;
  try {
    await program.parseAsync(['drugs', ...args], { from: 'user' });
  } catch (error) {
    err.push((error as Error).message);
    code = 1;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A small labelled card CSV: three ingredients with their own lane colours, two photos per card. */
function syntheticCards(): string {
  const random = seededRandom(21);
  const tints: Record<string, number[]> = { alpha: [200, 120, 90], beta: [90, 140, 200], blank: [200, 200, 190] };
  const lines = [['', 'Image', 'Contains', 'Drug %', 'PAD S#', ...padFeatureColumns].join(',')];
  let image = 0;
  for (const [name, tint] of Object.entries(tints)) {
    for (let card = 0; card < 12; card += 1) {
      const percent = name === 'blank' ? 0 : [20, 50, 80, 100][card % 4]!;
      const strength = name === 'blank' ? 0 : 0.4 + (0.6 * percent) / 100;
      for (let photo = 0; photo < 2; photo += 1) {
        const light = 0.9 + random() * 0.2;
        const values = padFeatureColumns.map((_, k) => {
          const lane = Math.floor(k / 30);
          const c = k % 3;
          const base = lane % 3 === 0 ? 220 - (220 - tint[c]!) * strength : 210;
          return Math.max(0, Math.min(255, Math.round(base * light + (random() - 0.5) * 10)));
        });
        lines.push([String(image), String(1000 + image), name, String(percent), `${name}-${card}`, ...values].join(','));
        image += 1;
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('dalel drugs pad / pad-train', () => {
  const temp = useTempDir();

  it('trains a model folder, reproducibly, and classifies a batch with one JSON line per row', async () => {
    const data = join(temp.dir, 'cards.csv');
    writeFileSync(data, syntheticCards());
    const trained = await dalelDrugs(['pad-train', '--data', data, '--out', join(temp.dir, 'model')]);
    expect(trained.err).toBe('');
    expect(trained.out).toMatch(/PAD model [0-9a-f]{64} written to/);
    expect(trained.out).toMatch(/identity accuracy \d+\.\d% \(majority class/);
    const hash = readFileSync(join(temp.dir, 'model', 'model.sha256'), 'utf8').split(' ')[0];
    const card = JSON.parse(readFileSync(join(temp.dir, 'model', 'card.json'), 'utf8')) as { modelSha256: string; validation: { identity: { accuracy: number } } };
    expect(card.modelSha256).toBe(hash);
    expect(card.validation.identity.accuracy).toBe(1);
    expect((await dalelDrugs(['pad-train', '--data', data, '--out', join(temp.dir, 'again')])).code).toBe(0);
    expect(readFileSync(join(temp.dir, 'again', 'model.onnx'))).toEqual(readFileSync(join(temp.dir, 'model', 'model.onnx')));

    const batch = await dalelDrugs(['pad', '--model', join(temp.dir, 'model'), '--batch', data, '--json']);
    expect(batch.code).toBe(0);
    const lines = batch.out.split('\n').map((l) => JSON.parse(l) as { line: number; predicted: string; probabilities: Record<string, number>; concentration: { predicted: number | null; probabilities: Record<string, number> }; abstention: unknown; model: { hash: string } });
    expect(lines).toHaveLength(72);
    expect(lines[0]).toMatchObject({ line: 1, predicted: 'alpha', model: { hash } });
    expect(Object.keys(lines[0]!.probabilities).sort()).toEqual(['alpha', 'beta', 'blank']);
    expect(Object.values(lines[0]!.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Object.keys(lines[0]!.concentration.probabilities)).toEqual(['20', '50', '80', '100']);
    expect(lines.at(-1)).toMatchObject({ predicted: 'blank', concentration: { predicted: null } });
    expect(lines[0]).toHaveProperty('abstention');

    // The global --json works too, and the human form names the ingredient.
    const human = await dalelDrugs(['pad', '--model', join(temp.dir, 'model'), '--batch', data]);
    expect(human.out.split('\n')[0]).toMatch(/^1000: alpha \[alpha \d/);
  }, 300_000);

  it('refuses a CSV with a missing column or text in a number column, naming file, row and column', async () => {
    const data = join(temp.dir, 'bad.csv');
    const text = syntheticCards().split('\n');
    writeFileSync(data, text.map((l, i) => (i === 3 ? l.replace(/,(\d+),(\d+)$/, ',violet,$2') : l)).join('\n'));
    const bad = await dalelDrugs(['pad', '--batch', data, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.csv: row 3 \(line 4\), column L10-G: "violet" is not a number/);
    const missing = join(temp.dir, 'missing.csv');
    writeFileSync(missing, text.map((l) => l.split(',').slice(0, -3).join(',')).join('\n'));
    const refused = await dalelDrugs(['pad-train', '--data', missing, '--out', join(temp.dir, 'm')]);
    expect(refused.err).toMatch(/missing\.csv: missing columns L10-R, L10-G, L10-B/);
  });
});
