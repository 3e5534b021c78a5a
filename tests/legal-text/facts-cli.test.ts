import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDalel } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('dalel facts', () => {
  const temp = useTempDir('all');

  it('prints the facts of an indictment with their spans as JSON', async () => {
    const text = 'Обвиняется по п. 2 ч. 2 ст. 188 УК РК. Ранее не судим. Похитил ноутбук стоимостью 400 000 тенге. Вину признал.';
    const file = join(temp.dir, 'indictment.txt');
    writeFileSync(file, text);
    const run = await runDalel(join(temp.dir, 'data'), ['--json', 'facts', file, '--case-type', 'kz-criminal']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as { caseType: string; facts: Array<{ field: string; value: unknown; span: { start: number; end: number } }> };
    expect(out.caseType).toBe('kz-criminal');
    const byField = (field: string) => out.facts.find((f) => f.field === field);
    expect(byField('article')?.value).toBe('188');
    expect(byField('priorConvictions')?.value).toBe(0);
    expect(byField('damageKzt')?.value).toBe(400000);
    const plea = byField('guiltyPlea')!;
    expect(text.slice(plea.span.start, plea.span.end)).toBe('Вину признал');
  });

  it('refuses a binary file by name', async () => {
    const file = join(temp.dir, 'scan.pdf');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x01]));
    const run = await runDalel(join(temp.dir, 'data'), ['--json', 'facts', file]);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('scan.pdf');
  });
});
