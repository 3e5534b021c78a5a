import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDalel } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('dalel corpus anonymise', () => {
  const temp = useTempDir();

  it('prints the anonymised text and the replaced spans as JSON', async () => {
    const file = join(temp.dir, 'decision.txt');
    const text = 'Подсудимый Петров И.И., тел. 87011234567, e-mail petrov@mail.kz, признал вину.';
    writeFileSync(file, text);
    const run = await runDalel(temp.dir, ['--json', 'corpus', 'anonymise', file]);
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out) as { text: string; spans: { category: string; start: number; end: number; replacement: string }[] };
    expect(result.text).toBe('Подсудимый [ПОДСУДИМЫЙ-1], тел. [ТЕЛЕФОН-1], e-mail [EMAIL-1], признал вину.');
    expect(result.spans.map((s) => [s.category, text.slice(s.start, s.end), s.replacement])).toEqual([
      ['PERSON', 'Петров И.И.', '[ПОДСУДИМЫЙ-1]'],
      ['PHONE', '87011234567', '[ТЕЛЕФОН-1]'],
      ['EMAIL', 'petrov@mail.kz', '[EMAIL-1]'],
    ]);
    const missing = await runDalel(temp.dir, ['corpus', 'anonymise', join(temp.dir, 'none.txt')]);
    expect(missing.err).toMatch(/none.txt: cannot be read/);
  });
});
