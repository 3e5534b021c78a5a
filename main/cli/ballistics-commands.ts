/**
 * `dalel compare cartridge A B`, `dalel compare bullet A B`, `dalel library add FILE`, `dalel library search FILE`: ballistics from the command
 * line. compare works on files directly, with no case; every command is audit-logged like its app counterpart.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './context.ts';
import { auditFileRun, readMethodInput, runMethodOnFiles } from './method-files.ts';
import { BulletComparisonResultSchema, CartridgeComparisonResultSchema, requestChannels } from '../contract/index.ts';
import { defaultSearchTop, type LibraryMetadata } from '../services/forensics/ballistics/library-service.ts';
import { DalelError } from '../services/errors.ts';


/** A bullet side: one land file, every .x3p in a folder (sorted by name), or a comma-separated list. */
function landFiles(spec: string): string[] {
  const parts = spec.split(',').filter(Boolean);
  return parts.flatMap((part) => {
    let isDir = false;
    try {
      isDir = statSync(part).isDirectory();
    } catch {
      // A missing path is reported by readMethodInput, naming it.
    }
    if (!isDir) return [part];
    const files = readdirSync(part).filter((f) => f.toLowerCase().endsWith('.x3p')).sort().map((f) => join(part, f));
    if (!files.length) throw new DalelError('BAD_INPUT', `${part}: the folder holds no .x3p land scans`, { file: part, reasonCode: 'empty' });
    return files;
  });
}

/** `--param k=v` (repeatable) into CMC parameter overrides. */
function collectParam(value: string, previous: Record<string, number>): Record<string, number> {
  const match = /^([A-Za-z]+)=(-?[0-9.eE+-]+)$/.exec(value);
  if (!match || !Number.isFinite(Number(match[2]))) throw new DalelError('VALIDATION', `--param ${value}: expected NAME=NUMBER, e.g. cmcThreshold=6`);
  return { ...previous, [match[1]!]: Number(match[2]) };
}

function parseMeta(text: string): LibraryMetadata {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DalelError('VALIDATION', `--meta is not valid JSON (${(error as Error).message})`, { field: 'meta' });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DalelError('VALIDATION', '--meta must be a JSON object', { field: 'meta' });
  const m = value as Record<string, unknown>;
  const allowed = ['firearmMake', 'firearmModel', 'calibre', 'caseNumber', 'notes'];
  const unknown = Object.keys(m).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new DalelError('VALIDATION', `--meta has unknown fields ${unknown.join(', ')}; known: ${allowed.join(', ')}`, { field: 'meta' });
  const text_ = (k: string) => {
    const v = m[k] ?? '';
    if (typeof v !== 'string') throw new DalelError('VALIDATION', `--meta ${k} must be a string`, { field: `meta.${k}` });
    return v;
  };
  return { firearmMake: text_('firearmMake'), firearmModel: text_('firearmModel'), calibre: text_('calibre'), caseNumber: text_('caseNumber'), notes: text_('notes') };
}

/** Registers the ballistics commands. */
export function addBallisticsCommands(program: Command, context: CliContext): void {
  const compare = program.command('compare').description('compare scans directly from files (no case needed; audit-logged)');
  compare
    .command('cartridge')
    .description('two-direction Congruent Matching Cells comparison of two breech-face scans (X3P)')
    .argument('<a>', 'first scan')
    .argument('<b>', 'second scan')
    .option('--param <name=value>', 'override a CMC parameter (repeatable), e.g. cmcThreshold=6', collectParam, {})
    .option('--pixel-um <um>', 'pixel size of 2D images, µm')
    .option('--kind <kind>', 'what both files are evidence of (default: suggested from each file), e.g. ballistics.cartridge-case')
    .action(async (a: string, b: string, opts: { param: Record<string, number>; pixelUm?: string; kind?: string }) => {
      const actor = await context.optionalActor();
      const pixelUm = opts.pixelUm === undefined ? undefined : Number(opts.pixelUm);
      const started = performance.now();
      const inputs = [readMethodInput(a, { pixelUm, category: opts.kind }), readMethodInput(b, { pixelUm, category: opts.kind })];
      const result = CartridgeComparisonResultSchema.parse(await runMethodOnFiles('ballistics.cartridge-case', inputs, { parameters: opts.param }));
      const { auditSeq, resultSha256 } = auditFileRun(context, 'analysis.compared-files', actor, result, { cmcAToB: result.aToB.cmcCount, cmcBToA: result.bToA.cmcCount, conclusion: result.conclusion });
      const timing = { ...result.timing, wallMs: performance.now() - started };
      context.print({ ...result, timing, resultSha256, auditSeq }, () =>
        [
          `${result.a.name} vs ${result.b.name}: ${result.aToB.cmcCount} CMCs A→B, ${result.bToA.cmcCount} B→A (of ${result.aToB.cellsCompared}/${result.bToA.cellsCompared} cells); threshold ${result.threshold}`,
          `conclusion: ${result.conclusion}; consensus θ ${result.aToB.consensus.theta}°, Δx ${result.aToB.consensus.dx} px, Δy ${result.aToB.consensus.dy} px`,
          `${result.provenance.algorithm} ${result.provenance.version}; ${(timing.wallMs / 1000).toFixed(1)} s; audit entry ${auditSeq}`,
        ].join('\n'),
      );
    });

  compare
    .command('bullet')
    .description('bullet-land signature comparison; each side is a land X3P, a folder of land scans, or a comma-separated list')
    .argument('<a>', 'bullet A: land scan(s)')
    .argument('<b>', 'bullet B: land scan(s)')
    .option('--param <name=value>', 'override a bullet parameter (repeatable), e.g. landThreshold=0.5', collectParam, {})
    .action(async (a: string, b: string, opts: { param: Record<string, number> }) => {
      const actor = await context.optionalActor();
      const started = performance.now();
      const sideA = landFiles(a).map((f) => readMethodInput(f, { category: 'ballistics.bullet-land' }));
      const sideB = landFiles(b).map((f) => readMethodInput(f, { category: 'ballistics.bullet-land' }));
      const result = BulletComparisonResultSchema.parse(await runMethodOnFiles('ballistics.bullet', [...sideA, ...sideB], { parameters: opts.param, bulletASize: sideA.length }));
      const { auditSeq, resultSha256 } = auditFileRun(context, 'analysis.compared-files', actor, result, { bulletScore: result.bulletScore.toFixed(4), rotationOffset: result.rotation.offset, conclusion: result.conclusion });
      const timing = { ...result.timing, wallMs: performance.now() - started };
      // Signatures are long arrays for the viewer; the CLI gives the scores.
      const { signatures: _signatures, ...scores } = result;
      context.print({ ...scores, timing, resultSha256, auditSeq }, () =>
        [
          `bullet score ${result.bulletScore.toFixed(3)} (land threshold ${result.landThreshold}); conclusion: ${result.conclusion}`,
          ...result.rotation.pairs.map(([i, j]) => {
            const p = result.landPairs.find((x) => x.a === i && x.b === j);
            return `  ${result.a[i]?.name} ↔ ${result.b[j]?.name}: score ${p?.score.toFixed(3)}, CMS ${p?.cms}, D ${p?.d.toFixed(2)} µm`;
          }),
          `${result.provenance.algorithm} ${result.provenance.version}; ${(timing.wallMs / 1000).toFixed(1)} s; audit entry ${auditSeq}`,
        ].join('\n'),
      );
    });

  const library = program.command('library').description('the reference library of test-fired scans (experts)');
  library
    .command('add')
    .description('add an X3P scan with its firearm metadata')
    .argument('<file>', 'X3P scan')
    .option('--meta <json>', 'metadata: {"firearmMake","firearmModel","calibre","caseNumber","notes"}', '{}')
    .action(async (file: string, opts: { meta: string }) => {
      const metadata = parseMeta(opts.meta);
      await context.login();
      const scan = readMethodInput(file);
      const added = await context.call('library.add', { fileName: scan.name, bytes: scan.bytes, ...metadata });
      context.print(added, () => `Added ${added.name} (${added.id}) sha256:${added.sha256}`);
    });
  library
    .command('list')
    .description('list reference scans')
    .option('--query <text>', 'filter by name or metadata')
    .action(async (opts: { query?: string }) => {
      await context.show('library.list', { query: opts.query }, (list) => list.map((r) => `${r.name}  ${r.firearmMake} ${r.firearmModel}  ${r.calibre}  ${r.caseNumber}  ${r.id}`).join('\n') || '(none)');
    });
  library
    .command('search')
    .description('search a questioned scan: polar prefilter over the library, then full CMC on the best candidates')
    .argument('<file>', 'questioned X3P scan')
    .option('--top <n>', 'candidates compared by full CMC and listed', String(defaultSearchTop))
    .action(async (file: string, opts: { top: string }) => {
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 1 || top > 100) throw new DalelError('VALIDATION', '--top must be an integer from 1 to 100', { field: 'top' });
      const actor = await context.actor();
      // The same rule as the 'library.search' channel, which this bypasses to search a file rather than evidence.
      if (!requestChannels['library.search'].access.includes(actor.role as 'expert')) {
        throw new DalelError('FORBIDDEN', `The ${actor.role} role may not use library.search.`, { channel: 'library.search', role: actor.role });
      }
      const scan = readMethodInput(file);
      const answer = await context.open().library.search({ name: scan.name, sha256: scan.sha256, evidenceId: null, kind: scan.format, bytes: scan.bytes }, top, actor, null);
      context.print(answer, () =>
        [
          `searched ${answer.searched} references in ${(answer.timing.totalMs! / 1000).toFixed(1)} s`,
          ...answer.hits.map((h) => `${h.rank}. ${h.reference.name}  CMC ${h.cmcCount ?? '-'}  prefilter ${h.prefilterScore.toFixed(3)}  ${h.reference.firearmMake} ${h.reference.firearmModel} ${h.reference.caseNumber}`),
        ].join('\n'),
      );
    });
}
