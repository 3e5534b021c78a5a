/**
 * OCR benchmark (issue 16 targets in brackets), on A4 pages rendered at 300 dpi from the shared Russian Criminal
 * Code and from Kazakh text written for the test (bench/ocr-pages.ts):
 * 1. Character error rate per language on the clean page [≤ 2 %] and on each degraded page (quarter turns with
 *    skew, blur, scanner noise, all together) [≤ 5 %], recognised by the full pipeline with --lang auto.
 * 2. Time for one page through the full pipeline (preparation, orientation, deskew, recognition), next to the bare
 *    engine call (tesseract on the same PNG, the language given) in the same run [≤ 4 s]; and the same page read as
 *    the workstation reads it, as a job of a fresh analysis process (its start included).
 * Options: --runs N (3): timing repetitions, the median reported.
 * Beside each wall time, the CPU seconds of this process and its reaped children (the tesseract runs), from
 * /proc/self/stat: on a shared machine the wall time follows the load, the CPU time does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { encodePng, type GreyPage } from '../native/ocr/page-ops.ts';
import { childProcessRunner } from '../main/services/analysis/analysis-runner.ts';
import { readDocumentJob } from '../main/services/documents/read-document-job.ts';
import { ocrDocument } from '../main/services/ocr/ocr-document.ts';
import { engineVersion, recognise } from '../main/services/ocr/tesseract.ts';
import { characterErrorRate, degradations, kazakhText, renderPage, russianText } from './ocr-pages.ts';
import { numberOption } from './options.ts';
import { median } from './measure.ts';

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;

/** CPU seconds used so far by this process and its waited-for children (utime, stime, cutime, cstime); NaN off Linux. */
function cpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Waits until this process has no child left (an analysis process exits just after its answer), at most 10 s. */
async function childrenReaped(): Promise<void> {
  const children = () => {
    try {
      return readdirSync('/proc/self/task').some((tid) => readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim() !== '');
    } catch {
      return false;
    }
  };
  for (let waited = 0; children() && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number, number]> {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const value = await run();
  const wall = (performance.now() - t0) / 1000;
  // A child's CPU time is added to ours when it is reaped: wait for that, so that it is not counted in the next run.
  await childrenReaped();
  return [value, wall, cpuSeconds() - c0];
}

const both = (wall: number[], cpu: number[]) => `${median(wall).toFixed(2)} s (CPU ${median(cpu).toFixed(2)} s)`;

/** Runs the suite. */
export async function run(args: string[]): Promise<void> {
  const runs = numberOption(args, 'runs', 3);
  const engine = await engineVersion();
  console.log(`OCR: ${engine.engine} ${engine.version}; data ${engine.languageData.map((d) => `${d.language} ${d.packageVersion}`).join(', ')}`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const russian = russianText();
  const texts: Array<[string, 'rus' | 'kaz', string]> = [['Kazakh (written for the test)', 'kaz', kazakhText]];
  if (russian) texts.unshift(['Russian (shared Criminal Code, arts. 188, 190)', 'rus', russian]);
  else console.log('Russian page skipped: ../shared/data/legal/kz_criminal_code.ru.txt is missing');
  for (const [label, language, text] of texts) {
    const clean = await renderPage(text);
    console.log(`\n${label}: ${[...text].length} characters on an A4 page at 300 dpi (${clean.width}×${clean.height})`);
    const variants: Array<[string, (page: GreyPage) => GreyPage]> = [['clean', (p) => p], ...degradations.map((d): [string, (page: GreyPage) => GreyPage] => [d.name, d.apply])];
    for (const [name, degrade] of variants) {
      // Each degraded page is made only when it is read, so that one page image at a time is held.
      const doc = await ocrDocument(encodePng(degrade(clean)), `${language}-${name}.png`, { language: 'auto' });
      const result = doc.pages[0]!;
      const cer = characterErrorRate(text, result.text);
      const target = name === 'clean' ? 0.02 : 0.05;
      console.log(`  CER ${name.padEnd(36)} ${pct(cer).padStart(8)}  [≤ ${pct(target)}] ${cer <= target ? 'ok' : 'OVER'}  (turn ${result.rotation}°, skew ${result.skewDegrees}°, language ${result.language})`);
    }
    const png = encodePng(clean);
    const [bare, bareCpu, full, fullCpu, auto, autoCpu, job, jobCpu] = Array.from({ length: 8 }, (): number[] => []) as [number[], number[], number[], number[], number[], number[], number[], number[]];
    for (let i = 0; i < runs; i += 1) {
      const [, bareWall, bareUsed] = await timed(() => recognise(png, language));
      const [, fullWall, fullUsed] = await timed(() => ocrDocument(png, 'page.png', { language }));
      const [, autoWall, autoUsed] = await timed(() => ocrDocument(png, 'page.png', { language: 'auto' }));
      const [, jobWall, jobUsed] = await timed(() => childProcessRunner.start(readDocumentJob({ bytes: png, file: 'page.png', language }), () => undefined).done);
      bare.push(bareWall);
      bareCpu.push(bareUsed);
      full.push(fullWall);
      fullCpu.push(fullUsed);
      auto.push(autoWall);
      autoCpu.push(autoUsed);
      job.push(jobWall);
      jobCpu.push(jobUsed);
    }
    console.log(`  time, one page (median of ${runs}): bare engine call ${both(bare, bareCpu)}; pipeline --lang ${language} ${both(full, fullCpu)}; pipeline --lang auto ${both(auto, autoCpu)}; in the analysis process --lang ${language} ${both(job, jobCpu)}  [≤ 4 s]  (load ${loadavg()[0]!.toFixed(1)})`);
  }
}
