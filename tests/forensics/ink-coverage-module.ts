/**
 * A test-only forensic module, registered into test workstations to prove the seam: nothing in the runner, findings,
 * review, summary, report or audit code knows it. It measures something small but real of a scanned page: the mean
 * grey level and the fraction of "ink" pixels (darker than half scale) of a PNG, declared as a 'ink.page'.
 */
import { PNG } from 'pngjs';
import { z } from 'zod';
import { badInput } from '../../main/services/errors.ts';
import type { ForensicModule, MethodRecord } from '../../main/services/forensics/module.ts';

/** What the pipeline returns, and what 'analysis.result' hands back. */
export const InkResultSchema = z.object({
  kind: z.literal('ink-coverage'),
  name: z.string(),
  sha256: z.string(),
  evidenceId: z.string().nullable(),
  pixels: z.number().int().positive(),
  meanGrey: z.number().min(0).max(1),
  inkFraction: z.number().min(0).max(1),
  provenance: z.object({
    algorithm: z.string(),
    version: z.string(),
    modelSha256: z.null(),
    parameters: z.record(z.string(), z.unknown()),
    inputs: z.array(z.object({ name: z.string(), sha256: z.string(), evidenceId: z.string().nullable() })),
    software: z.record(z.string(), z.string()),
  }),
});

interface InkPayload {
  readonly name: string;
  readonly sha256: string;
  readonly evidenceId: string | null;
  readonly bytes: Uint8Array;
}

const algorithm = { name: 'ink-coverage', version: '1.0.0' };

/** Decodes the PNG and counts: luminance per pixel (Rec. 601), ink where it is below half scale. */
function measure(payload: InkPayload): z.infer<typeof InkResultSchema> {
  const png = PNG.sync.read(Buffer.from(payload.bytes));
  let sum = 0;
  let ink = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const y = (0.299 * png.data[4 * i]! + 0.587 * png.data[4 * i + 1]! + 0.114 * png.data[4 * i + 2]!) / 255;
    sum += y;
    if (y < 0.5) ink++;
  }
  return {
    kind: 'ink-coverage',
    name: payload.name,
    sha256: payload.sha256,
    evidenceId: payload.evidenceId,
    pixels: n,
    meanGrey: sum / n,
    inkFraction: ink / n,
    provenance: {
      algorithm: algorithm.name,
      version: algorithm.version,
      modelSha256: null,
      parameters: { inkBelow: 0.5 },
      inputs: [{ name: payload.name, sha256: payload.sha256, evidenceId: payload.evidenceId }],
      software: { node: process.versions.node },
    },
  };
}

const phrases = (subject: string, method: string, measured: string, labels: [string, string], limitation: string) => ({
  subject: { '*': subject },
  method: { '*': [method] },
  measurements: { '*': [measured] },
  labels: { 'ink.meanGrey': labels[0], 'ink.fraction': labels[1] },
  words: {},
  limitations: [limitation],
});

/** The test module: one kind, one method, one finding kind, two measurement keys, summaries in kk, ru and en. */
export const inkCoverageModule: ForensicModule = {
  id: 'ink',
  evidenceKinds: [{ id: 'ink.page', formats: ['png'], imagesNeedPixelSize: false, suggest: () => 0 }],
  methods: [
    {
      id: 'ink.coverage',
      algorithm,
      acceptedKinds: ['ink.page'],
      arity: { min: 1, max: 1 },
      options: z.object({}),
      resultSchema: InkResultSchema,
      prepare(inputs) {
        const [input] = inputs;
        if (input!.category !== 'ink.page') throw badInput(input!.name, 'wrong-evidence-kind', `it is declared as "${input!.category}" evidence, not a page`);
        return { payload: { name: input!.name, sha256: input!.sha256, evidenceId: input!.evidenceId, bytes: input!.bytes } satisfies InkPayload, parameters: { inkBelow: 0.5 } };
      },
      record(output) {
        const result = InkResultSchema.parse(output);
        return {
          result,
          drafts: [
            {
              module: 'ink.coverage',
              kind: 'page-coverage',
              evidenceIds: result.evidenceId ? [result.evidenceId] : [],
              measurements: [
                { key: 'ink.meanGrey', value: result.meanGrey, unit: null, threshold: null },
                { key: 'ink.fraction', value: result.inkFraction, unit: null, threshold: null },
              ],
              conclusion: null,
              provenance: result.provenance,
              overlays: [],
            },
          ],
          blobs: [],
          outputs: {},
          summary: { pixels: result.pixels },
          // A page with no ink at all is measured, but said to be marginal.
          warnings: result.inkFraction === 0 ? [`${result.name}: no pixel is dark enough to count as ink`] : [],
          provenance: result.provenance,
        } satisfies MethodRecord;
      },
    },
  ],
  pipelines: { 'ink.coverage': (payload, onProgress) => {
    onProgress(0, 'measure');
    const result = measure(payload as InkPayload);
    onProgress(1, 'done');
    return result;
  } },
  findingKinds: { 'ink.coverage': ['page-coverage'] },
  measurementKeys: { 'ink.coverage': ['ink.meanGrey', 'ink.fraction'] },
  summaries: [
    {
      module: 'ink.coverage',
      fractionDigits: { 'ink.meanGrey': 3, 'ink.fraction': 3 },
      phrases: {
        en: phrases('The questioned page', 'The grey level of every pixel was measured; pixels below half scale count as ink.', 'Mean grey level {ink.meanGrey}; ink covers a fraction {ink.fraction} of the page.', ['mean grey level', 'ink fraction'], 'Ink coverage depends on the scanner and its exposure.'),
        ru: phrases('Исследуемая страница', 'Измерен уровень серого каждого пикселя; пиксели темнее половины шкалы считаются чернилами.', 'Средний уровень серого {ink.meanGrey}; чернила покрывают долю {ink.fraction} страницы.', ['средний уровень серого', 'доля чернил'], 'Доля чернил зависит от сканера и его экспозиции.'),
        kk: phrases('Зерттелетін бет', 'Әр пикселдің сұр деңгейі өлшенді; шкаланың жартысынан күңгірт пикселдер сия деп есептеледі.', 'Орташа сұр деңгейі {ink.meanGrey}; сия беттің {ink.fraction} үлесін жабады.', ['орташа сұр деңгейі', 'сия үлесі'], 'Сия үлесі сканерге және оның экспозициясына байланысты.'),
      },
    },
  ],
};
