import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../core/canonical-json.ts';
import { renderTrailPdf } from '../../../main/services/audit/trail-pdf.ts';
import { pdfEntryLimit, pdfLatestEntries, TrailCollector } from '../../../main/services/audit/trail-summary.ts';
import { tempDir } from '../../helpers/workstation.ts';

const actions = ['case.consulted', 'evidence.viewed', 'audit.exported'];

/** Entry i: one of three actions in turn, one a day from 2026-01-30 on. */
function entry(i: number): { bytes: Uint8Array; action: string; at: string } {
  const action = actions[i % 3]!;
  const at = new Date(Date.UTC(2026, 0, 30) + i * 86_400_000).toISOString();
  const text = canonicalText({ v: 1, seq: i, at, action, actor: { role: 'clerk', userId: 'u', username: 'Әсел' }, subjects: { caseId: `c-${i}` } });
  return { bytes: Buffer.from(text), action, at };
}

function collect(n: number): TrailCollector {
  const trail = new TrailCollector();
  for (let i = 0; i < n; i += 1) {
    const e = entry(i);
    trail.add(e.bytes, i.toString(16).padStart(64, '0'), e.action, e.at);
  }
  return trail;
}

describe("the clerk's trail PDF", () => {
  it(`lists every entry of an export of up to ${pdfEntryLimit}`, () => {
    const { rows, summary } = collect(pdfEntryLimit).result();
    expect(summary).toBeNull();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: pdfEntryLimit }, (_, i) => i));
    expect(rows[5]).toMatchObject({ actor: { username: 'Әсел', role: 'clerk' }, action: 'audit.exported', subjects: { caseId: 'c-5' } });
  });

  it(`summarises a larger export: counts by action and month, first and last entry, the latest ${pdfLatestEntries}`, () => {
    const n = 1234;
    const { rows, summary } = collect(n).result();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: pdfLatestEntries }, (_, i) => n - pdfLatestEntries + i));
    expect(summary!.first.seq).toBe(0);
    expect(summary!.last.seq).toBe(n - 1);
    expect(summary!.byAction).toEqual([
      ['case.consulted', 412],
      ['audit.exported', 411],
      ['evidence.viewed', 411],
    ]);
    expect(summary!.byMonth[0]).toEqual(['2026-01', 2]);
    expect(summary!.byMonth[1]).toEqual(['2026-02', 28]);
    expect(summary!.byMonth.reduce((s, [, c]) => s + c, 0)).toBe(n);
    expect(summary!.byMonth.map(([m]) => m)).toEqual([...summary!.byMonth.map(([m]) => m)].sort());
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v pdftotext']).status !== 0)('renders the summary and the latest entries, not a page per thousand rows', async () => {
    const n = 5000;
    const { rows, summary } = collect(n).result();
    const pdf = await renderTrailPdf({ language: 'en', origin: 'Almaty-lab-1/audit/x', scope: { scope: 'all' }, checkpoint: 'Almaty-lab-1/audit/x\n5000\nroot=\n', fingerprint: 'ff', rows, summary, total: n });
    const work = tempDir('dalel-trail-pdf-');
    try {
      const file = join(work.dir, 'trail.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Selection: The entire log; 5000 entries (a summary and the latest 50 are shown here; entries.jsonl and entries.csv hold every entry)');
      expect(text).toContain('Entries by action');
      expect(text).toMatch(/Opened a case: 1667/);
      expect(text).toMatch(/2026-02: 28/);
      expect(text).toContain('First entry: Seq. 0 · 2026-01-30 00:00:00.000 · Әсел (Court clerk) · Opened a case');
      expect(text).toContain(`Latest ${pdfLatestEntries} entries`);
      expect(text).toContain('4999');
      expect(text).not.toMatch(/\n\s*4949\s/);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      expect(pages).toBeLessThanOrEqual(4);
    } finally {
      work.cleanup();
    }
  });
});
