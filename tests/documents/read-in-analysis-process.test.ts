import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../bench/ocr-pages.ts';
import { encodePng } from '../../native/ocr/page-ops.ts';
import { childProcessRunner, inProcessRunner, type AnalysisRunner } from '../../main/services/analysis/analysis-runner.ts';
import { pagesStage, parsePagesStage, readDocumentJob, readDocumentPipeline } from '../../main/services/documents/read-document-job.ts';
import type { AnalysisJob } from '../../main/services/forensics/registry.ts';
import { shippedRegistry } from '../../main/services/forensics/modules.ts';
import type { OcrDocument } from '../../main/services/ocr/ocr-document.ts';
import type { Actor } from '../../main/services/sessions.ts';
import type { Workstation } from '../../main/services/workstation.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';
import { tesseractHas } from '../helpers/tesseract.ts';

interface ProcessRow {
  readonly pid: number;
  readonly ppid: number;
  readonly command: string;
}

/** Every process now running, with its parent and command line (Linux /proc). */
function processes(): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command in parentheses may hold spaces: the fields after its closing parenthesis are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      rows.push({ pid: Number(name), ppid, command });
    } catch {
      // The process ended while being read.
    }
  }
  return rows;
}

/** Samples the children and grandchildren this test process starts from now until stopped. */
function watchDescendants(): { stop: () => ProcessRow[] } {
  const seen = new Map<number, ProcessRow>();
  const earlier = new Set(processes().map((p) => p.pid));
  const sample = () => {
    const all = processes();
    const ours = new Set([process.pid]);
    // Two passes reach grandchildren whichever order /proc lists them in.
    for (let pass = 0; pass < 2; pass += 1) for (const row of all) if (ours.has(row.ppid)) ours.add(row.pid);
    // A process that has ended but is not yet reaped shows an empty command line: keep what it showed while alive.
    for (const row of all) if (!earlier.has(row.pid) && ours.has(row.pid) && (row.command !== '' || !seen.has(row.pid))) seen.set(row.pid, row);
  };
  const timer = setInterval(sample, 10);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return [...seen.values()];
    },
  };
}

function recording(runner: AnalysisRunner, jobs: AnalysisJob[]): AnalysisRunner {
  return { start: (job, onProgress) => (jobs.push(job), runner.start(job, onProgress)) };
}

const installed = tesseractHas('rus');

describe.skipIf(!installed || !existsSync('/proc/self/stat'))('reading a document in the analysis process', () => {
  let ws: Workstation;
  let dispose: () => void;
  let expert: Actor;
  let evidenceId: string;
  const jobs: AnalysisJob[] = [];
  beforeAll(async () => {
    ({ ws, dispose } = testWorkstation({ analysisRunner: recording(childProcessRunner, jobs) }));
    const clients = await seedUsers(ws);
    const user = ws.sessions.peek(clients.expert)!.user;
    expert = { userId: user.id, username: user.username, role: user.role };
    const caseId = (await call(ws, clients.expert, 'cases.create', { number: 'D-16-2', venue: 'Астана', caseType: 'criminal', parties: '' })).id;
    // A full page, so that tesseract is at work long enough to be seen, and still at work when a cancel comes.
    const page = await renderPage(Array.from({ length: 40 }, (_, i) => `${i + 1}. Ответчик не вернул долг по договору займа от 12 марта 2024 года в размере ${i + 1}00 000 тенге.`).join('\n'));
    evidenceId = ws.evidence.add(caseId, 'claim-scan.png', encodePng(page), expert).evidence.id;
  }, 60_000);
  afterAll(() => dispose());

  it('prepares and recognises the pages in the analysis process, not in the services process', async () => {
    const watch = watchDescendants();
    const stored = await ws.documents.recognise(evidenceId, expert, { language: 'rus' });
    const seen = watch.stop();
    expect(jobs.map((j) => [j.module, j.type, (j.payload as { file: string }).file])).toEqual([['documents', 'read', 'claim-scan.png']]);
    expect(stored.result.pages[0]!.text).toContain('тенге');
    const workers = seen.filter((p) => p.ppid === process.pid && p.command.includes('analysis-worker'));
    expect(workers.length).toBe(1);
    const engines = seen.filter((p) => /(^|\/)tesseract /.test(p.command));
    expect(engines.length).toBeGreaterThan(0);
    // Every tesseract run was started by the analysis process.
    expect(engines.every((p) => p.ppid === workers[0]!.pid)).toBe(true);
  }, 120_000);

  it('a cancel stops the tesseract run under way and ends the analysis process, storing nothing', async () => {
    const before = ws.documents.latest(evidenceId)?.id ?? null;
    const controller = new AbortController();
    let engine: ProcessRow | undefined;
    let worker: ProcessRow | undefined;
    // An earlier reading's analysis process may still be exiting: this reading's is one started after now.
    const earlier = new Set(processes().map((p) => p.pid));
    const poll = setInterval(() => {
      const all = processes();
      worker ??= all.find((p) => p.ppid === process.pid && !earlier.has(p.pid) && p.command.includes('analysis-worker'));
      engine = worker && all.find((p) => p.ppid === worker!.pid && /(^|\/)tesseract /.test(p.command));
      if (engine) {
        clearInterval(poll);
        controller.abort();
      }
    }, 10);
    try {
      await expect(ws.documents.recognise(evidenceId, expert, { language: 'rus', signal: controller.signal })).rejects.toMatchObject({ code: 'CONFLICT', params: { reasonCode: 'cancelled' } });
    } finally {
      clearInterval(poll);
    }
    expect(engine).toBeDefined();
    // The engine is stopped with the reading, not left to finish its page (several seconds) as an orphan.
    for (let waited = 0; (existsSync(`/proc/${engine!.pid}`) || existsSync(`/proc/${worker!.pid}`)) && waited < 400; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(`/proc/${engine!.pid}`)).toBe(false);
    expect(existsSync(`/proc/${worker!.pid}`)).toBe(false);
    expect(ws.documents.latest(evidenceId)?.id ?? null).toBe(before);
  }, 120_000);

  it('runs the same job in-process for the command line, with pages done of total as progress', async () => {
    const page = await renderPage('Решение суда по делу о взыскании долга.');
    const stages: string[] = [];
    const job = inProcessRunner(shippedRegistry()).start(readDocumentJob({ bytes: encodePng(page), file: 'decision.png', language: 'rus' }), (_p, stage) => stages.push(stage));
    const doc = (await job.done) as OcrDocument;
    expect(doc.file).toBe('decision.png');
    expect(doc.pages[0]!.text).toMatch(/долга/);
    expect(stages.map(parsePagesStage)).toEqual([
      { done: 0, total: 1 },
      { done: 1, total: 1 },
    ]);
  }, 60_000);
});

describe('the document reading job', () => {
  it('carries pages done of total in its progress stage, and tells other stages apart', () => {
    expect(parsePagesStage(pagesStage(3, 30))).toEqual({ done: 3, total: 30 });
    expect(parsePagesStage('align')).toBeNull();
    expect(parsePagesStage('pages 3/')).toBeNull();
  });

  it('refuses a payload without bytes, without a file name, or with an unknown language', () => {
    const noop = () => undefined;
    expect(() => readDocumentPipeline({ file: 'a.png' }, noop)).toThrow(/bytes/);
    expect(() => readDocumentPipeline({ bytes: new Uint8Array(4) }, noop)).toThrow(/file name/);
    expect(() => readDocumentPipeline({ bytes: new Uint8Array(4), file: 'a.png', language: 'deu' }, noop)).toThrow(/language/);
  });

  it('still refuses an unknown job of the analysis process', async () => {
    const job = inProcessRunner(shippedRegistry()).start({ module: 'documents', type: 'translate', payload: {} }, () => undefined);
    await expect(job.done).rejects.toThrow(/No pipeline 'translate'/);
  });
});
