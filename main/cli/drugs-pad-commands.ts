/**
 * `dalel drugs pad` and `dalel drugs pad-train`: PAD cards (paper analytical devices) from the command line. The
 * drugs command group (drugs-commands.ts) calls addPadCommands to add them.
 */
import { Option, type Command } from 'commander';
import { trainPadFromFile } from '../../models/drugs/pad-pipeline.ts';
import { readPadCards } from '../../models/drugs/pad-data.ts';
import type { PadSplitUnit } from '../../models/drugs/pad-split.ts';
import { defaultPadTrainOptions } from '../../models/drugs/pad-train.ts';
import { padFeatureCount } from '../../models/drugs/pad-layout.ts';
import { padRunner, defaultPadModelDir, type PadClassification } from '../services/forensics/drugs/pad/pad-runner.ts';
import type { CliContext } from './context.ts';

const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

/** One row's answer as printed with --json. */
function jsonLine(row: { index: string; image: string }, line: number, c: PadClassification): string {
  return JSON.stringify({ line, index: row.index, image: row.image, predicted: c.predicted, probabilities: c.probabilities, concentration: c.concentration, abstention: c.abstention, model: c.model });
}

/** One row's answer in words. */
function humanLine(row: { index: string; image: string }, c: PadClassification): string {
  const top = Object.entries(c.probabilities).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, p]) => `${k} ${percent(p)}`).join(', ');
  const conc = c.concentration.predicted === null ? 'no drug' : `${c.concentration.predicted}% (${percent(c.concentration.probabilities[String(c.concentration.predicted)]!)})`;
  return `${row.image}: ${c.predicted} [${top}]; Drug % ${conc}${c.abstention ? `  ABSTAINS: ${c.abstention.detail}` : ''}`;
}

export function addPadCommands(drugs: Command, context: CliContext): void {
  drugs
    .command('pad')
    .description('read PAD card colours (12 lanes × 10 regions × RGB, the pad_cards CSV layout) and give the ingredient and Drug % with probabilities; one JSON line per row with --json')
    .requiredOption('--batch <file>', 'CSV of cards: columns A1-R … L10-B (other columns are kept as labels)')
    .option('--model <dir>', 'PAD model folder written by `dalel drugs pad-train` (default: the installed model)')
    .option('--json', 'one JSON line per row')
    .action(async (opts: { batch: string; model?: string; json?: boolean }) => {
      const table = readPadCards(opts.batch);
      const runner = await padRunner(opts.model ?? defaultPadModelDir());
      const json = opts.json || context.options.json;
      const chunk = 4096;
      for (let start = 0; start < table.rows.length; start += chunk) {
        const rows = table.rows.slice(start, start + chunk);
        const features = new Float64Array(rows.length * padFeatureCount);
        rows.forEach((r, i) => features.set(r.features, i * padFeatureCount));
        const answers = await runner.classify(features, rows.length);
        const text = answers.map((c, i) => (json ? jsonLine(rows[i]!, start + i + 1, c) : humanLine(rows[i]!, c))).join('\n');
        if (text) context.io.out(text);
      }
    });
  drugs
    .command('pad-train')
    .description('train the PAD identity and concentration models from a labelled CSV (pad_cards_train.csv layout); writes model.onnx, model.json, card.json and model.sha256 to --out, validated on held-out cards')
    .requiredOption('--data <file>', 'labelled CSV: Image, Contains, Drug %, PAD S#, A1-R … L10-B')
    .requiredOption('--out <dir>', 'folder to write the model into')
    .addOption(new Option('--split-by <unit>', 'held-out validation split: card (every photo of a card, PAD S#, on one side) or image (each photo on its own; replicate photos of a test card may be in training)').choices(['card', 'image']).default('card'))
    .option('--json', 'print the model card as JSON')
    .action((opts: { data: string; out: string; json?: boolean; splitBy: PadSplitUnit }) => {
      const t = trainPadFromFile(opts.data, opts.out, defaultPadTrainOptions, opts.splitBy);
      const v = t.evaluation;
      const summary = () =>
        [
          `PAD model ${t.sha256} written to ${opts.out}`,
          `  ${t.card.split.description}: ${t.card.split.trainRows} training rows (${t.card.split.trainCards} cards), ${t.card.split.testRows} test rows (${t.card.split.testCards} cards)`,
          `  identity accuracy ${percent(v.identity.accuracy)} (majority class ${percent(v.baselines.identityMajority.accuracy)})`,
          `  concentration accuracy ${percent(v.concentration.accuracy)} (majority class ${percent(v.baselines.concentrationMajority.accuracy)})`,
          `  abstains on ${percent(v.abstention.rate)} of test cards; identity accuracy on the rest ${percent(v.abstention.answeredAccuracy)}`,
        ].join('\n');
      if (opts.json || context.options.json) context.io.out(JSON.stringify(t.card, null, 2));
      else context.io.out(summary());
    });
}
