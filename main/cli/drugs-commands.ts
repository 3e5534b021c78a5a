/**
 * `dalel drugs spot PHOTO --reagents …`, `dalel drugs match --reagent R --lab L,a,b`, `dalel drugs strip PHOTO --panel
 * FILE`: drug-sample colour tests from the command line. spot and strip run the workstation's methods on files (no case
 * needed; audit-logged like `compare`); match looks one colour up in the shipped NIJ table. `dalel drugs pad` and
 * `pad-train` (PAD cards) come from drugs-pad-commands.ts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './context.ts';
import { auditFileRun, readMethodInput, runMethodOnFiles } from './method-files.ts';
import { addPadCommands } from './drugs-pad-commands.ts';
import { SpotPlateResultSchema, StripResultSchema } from '../contract/index.ts';
import { parseColourTable } from '../../native/drugs/spot/colour-table.ts';
import { matchColour } from '../../native/drugs/spot/match.ts';
import { reagentId } from '../../native/drugs/spot/reagents.ts';
import { DalelError } from '../services/errors.ts';
import { shippedColourTable } from '../services/forensics/drugs/colour-table-file.ts';
import { spotMethod, spotPlateKind, stripKind, stripMethod } from '../services/forensics/drugs/kinds.ts';
import { atServiceBoundary } from '../services/native-input.ts';


/** "x,y;x,y;x,y;x,y" → four points. */
function parseCorners(text: string | undefined): Array<{ x: number; y: number }> | undefined {
  if (text === undefined) return undefined;
  const points = text.split(';').map((pair) => pair.split(',').map(Number));
  if (points.length !== 4 || points.some((p) => p.length !== 2 || p.some((v) => !Number.isFinite(v)))) {
    throw new DalelError('VALIDATION', '--corners: expected four points "x,y;x,y;x,y;x,y" (target top-left, top-right, bottom-right, bottom-left)', { field: 'corners' });
  }
  return points.map(([x, y]) => ({ x: x!, y: y! }));
}

/** "L,a,b" → a CIELAB triple. */
function parseLab(text: string): [number, number, number] {
  const values = text.split(',').map((v) => Number(v.trim()));
  if (values.length !== 3 || values.some((v) => !Number.isFinite(v)) || values[0]! < 0 || values[0]! > 100) {
    throw new DalelError('VALIDATION', '--lab: expected "L,a,b" with L* from 0 to 100, e.g. 30,40,-20', { field: 'lab' });
  }
  return [values[0]!, values[1]!, values[2]!];
}

/** Registers `dalel drugs …` and returns the `drugs` command (the PAD commands are added to it). */
export function addDrugsCommands(program: Command, context: CliContext): Command {
  const drugs = program.command('drugs').description('drug-sample colour tests read from photographs (presumptive: confirm by GC-MS)');

  drugs
    .command('spot')
    .description('read a reagent spot-plate photo (with a ColorChecker in it) and rank what the colours are consistent with')
    .argument('<photo>', 'JPEG or PNG photo of the plate and the target')
    .requiredOption('--reagents <list>', 'reagent of each well, e.g. "A1=Marquis,A2=Mecke,A4=Marquis:blank"')
    .option('--corners <points>', 'the target card\'s corners "x,y;x,y;x,y;x,y" (top-left, top-right, bottom-right, bottom-left) instead of detection')
    .action(async (photo: string, opts: { reagents: string; corners?: string }) => {
      const actor = await context.optionalActor();
      const corners = parseCorners(opts.corners);
      const result = SpotPlateResultSchema.parse(await runMethodOnFiles(spotMethod, [readMethodInput(photo, { category: spotPlateKind })], { reagents: opts.reagents, ...(corners ? { corners } : {}) }));
      const { auditSeq } = auditFileRun(context, 'analysis.compared-files', actor, result, { outcome: result.outcome, first: result.candidates[0]?.substance ?? '' });
      context.print({ ...result, auditSeq }, () => [
        `${result.name}: calibrated on ${result.calibration.targetName} (${result.calibration.model}, residual ${result.calibration.looMean.toFixed(2)} ΔE2000), ${result.wells.length} wells`,
        ...result.wells.filter((w) => w.reagent && !w.blank).map((w) => `  ${w.label} ${w.reagent}: L*a*b* ${w.correctedLab.map((v) => v.toFixed(1)).join(' ')}${w.reacted ? '' : ' (no reaction)'}; nearest ${w.candidates[0]?.substance ?? '-'} ΔE ${w.candidates[0]?.deltaE.toFixed(1) ?? '-'}`),
        `outcome: ${result.outcome}${result.mixturePossible ? ' (mixture possible)' : ''}`,
        ...result.candidates.slice(0, 5).map((c, i) => `  ${i + 1}. ${c.substance}${c.consistentWithAll ? '' : ' (not consistent with every well)'} score ${c.score.toFixed(2)}`),
        'Presumptive only: confirm by GC-MS.',
        `audit entry ${auditSeq}`,
      ].join('\n'));
    });

  drugs
    .command('match')
    .description('rank the substances of the NIJ colour table for one reagent and one CIELAB colour, by CIEDE2000')
    .requiredOption('--reagent <name>', 'reagent, e.g. Marquis')
    .requiredOption('--lab <L,a,b>', 'the colour, CIELAB (D65)')
    .option('--table <file>', 'a colour table CSV of the same columns instead of the shipped one')
    .option('--calibration-delta-e <value>', 'the photo\'s calibration residual (ΔE2000), widening the tolerances', '0')
    .action((opts: { reagent: string; lab: string; table?: string; calibrationDeltaE: string }) => {
      const lab = parseLab(opts.lab);
      const file = opts.table ? { file: basename(opts.table), text: readFileSync(opts.table, 'utf8') } : shippedColourTable();
      const table = atServiceBoundary(parseColourTable)(file.text, file.file);
      const reagent = reagentId(opts.reagent);
      const calibration = Number(opts.calibrationDeltaE);
      if (!Number.isFinite(calibration) || calibration < 0) throw new DalelError('VALIDATION', '--calibration-delta-e: expected a number ≥ 0', { field: 'calibrationDeltaE' });
      const ranked = matchColour(table, reagent, lab, calibration);
      if (ranked.length === 0) throw new DalelError('VALIDATION', `--reagent ${opts.reagent}: the table lists no colours for it`, { field: 'reagent' });
      context.print({ reagent, lab, table: file.file, candidates: ranked }, () =>
        [`${opts.reagent} at L*a*b* ${lab.join(', ')}:`, ...ranked.map((m, i) => `  ${i + 1}. ${m.substance}: ΔE2000 ${m.deltaE.toFixed(2)} (tolerance ${m.tolerance.toFixed(1)}${m.consistent ? ', consistent' : ''}) — ${m.colourName} ${m.expectedHex}`)].join('\n'));
    });

  drugs
    .command('strip')
    .description('read a lateral-flow drug-screening cassette photo (with a ColorChecker in it)')
    .argument('<photo>', 'JPEG or PNG photo of the cassette and the target')
    .requiredOption('--panel <file>', 'the cassette described as JSON: {"name", "panels": [{"drug", "cutoffNgMl", "controlAt", "testAt", "format"}]}')
    .option('--corners <points>', 'the target card\'s corners "x,y;x,y;x,y;x,y" instead of detection')
    .action(async (photo: string, opts: { panel: string; corners?: string }) => {
      const actor = await context.optionalActor();
      let panel: unknown;
      try {
        panel = JSON.parse(readFileSync(opts.panel, 'utf8'));
      } catch (error) {
        throw new DalelError('BAD_INPUT', `${opts.panel}: cannot be read as JSON (${(error as Error).message})`, { file: opts.panel, reasonCode: 'panel-json' });
      }
      const corners = parseCorners(opts.corners);
      const result = StripResultSchema.parse(await runMethodOnFiles(stripMethod, [readMethodInput(photo, { category: stripKind })], { panel, ...(corners ? { corners } : {}) }));
      const { auditSeq } = auditFileRun(context, 'analysis.compared-files', actor, result, { results: result.strips.map((s) => `${s.drug}:${s.result}`).join(',') });
      const { strips, ...rest } = result;
      context.print({ ...rest, strips: strips.map(({ profile: _profile, ...s }) => s), auditSeq }, () => [
        `${result.name}: ${result.cassette}, calibrated (residual ${result.calibration.looMean.toFixed(2)} ΔE2000)`,
        ...strips.map((s) => `  ${s.drug}: ${s.result} (control ${s.control.absorbance.toFixed(3)}, test ${s.test.absorbance.toFixed(3)}, ratio ${s.intensityRatio?.toFixed(2) ?? '-'})`),
        'Screening only: confirm a positive by GC-MS or LC-MS/MS.',
        `audit entry ${auditSeq}`,
      ].join('\n'));
    });
  addPadCommands(drugs, context);
  return drugs;
}
