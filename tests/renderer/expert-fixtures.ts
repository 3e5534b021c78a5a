/**
 * Fixtures for the expert-workspace renderer tests, each parsed with the contract's zod schemas at load time so they
 * cannot drift from what the services send.
 */
import {
  AnalysisRunSchema,
  CaseReviewSchema,
  CaseSchema,
  CartridgeComparisonResultSchema,
  EvidenceSchema,
  FindingSchema,
  SurfaceImageSchema,
  requestChannels,
  type Finding,
  type ResponseOf,
} from '../../main/contract/index.ts';
import { alignmentMatrix, cellOutline } from '../../native/cmc/cmc-cell-outline.ts';

export const caseId = '11111111-1111-4111-8111-111111111111';
export const runId = '22222222-2222-4222-8222-222222222222';
const hash = (c: string) => c.repeat(64);
export const evidenceA = EvidenceSchema.parse({
  id: '44444444-4444-4444-8444-444444444441', caseId, sha256: hash('a'), originalName: 'fadul1-1.x3p', sizeBytes: 1000, kind: 'x3p', category: 'ballistics.cartridge-case', pixelUm: null,
  mediaType: 'application/x-x3p', width: 545, height: 545, bitDepth: null, addedBy: 'expert1', addedAt: '2026-01-02T10:00:00.000Z', hasThumbnail: false,
});
export const evidenceB = EvidenceSchema.parse({ ...evidenceA, id: '44444444-4444-4444-8444-444444444442', sha256: hash('b'), originalName: 'fadul1-2.x3p' });
export const evidenceImage = EvidenceSchema.parse({ ...evidenceA, id: '44444444-4444-4444-8444-444444444443', sha256: hash('c'), originalName: 'breech.png', kind: 'png', mediaType: 'image/png' });

export const sampleCase = CaseSchema.parse({
  id: caseId, number: 'LAB-12/2026', venue: 'Forensic Centre', caseType: 'forensic-examination', parties: 'State v. X',
  createdAt: '2026-01-02T10:00:00.000Z', createdBy: 'expert1', evidenceCount: 3,
});

const provenance = { algorithm: 'cmc', version: '1.0.0', modelSha256: null, parameters: { cellsX: 8 }, inputs: [{ name: 'fadul1-1.x3p', sha256: hash('a'), evidenceId: evidenceA.id }], software: { dalel: '0.1.0' } };
const baseFinding = {
  caseId, runId, module: 'ballistics.cartridge-case', evidenceIds: [evidenceA.id, evidenceB.id], supersedes: null, supersededBy: null, provenance, overlays: [],
  review: null, createdBy: 'expert1', createdAt: '2026-01-02T11:00:00.000Z', auditSeq: 7,
};
export const cmcFinding: Finding = FindingSchema.parse({
  ...baseFinding, id: '55555555-5555-4555-8555-555555555551', kind: 'cmc-comparison', origin: 'model', conclusion: 'identification',
  measurements: [
    { key: 'cmc.count', value: 14, unit: null, threshold: { value: 6, rule: '>=' } },
    { key: 'cmc.cellsCompared', value: 43, unit: null, threshold: null },
  ],
});
export const widthFinding: Finding = FindingSchema.parse({
  ...baseFinding, id: '55555555-5555-4555-8555-555555555552', kind: 'firing-pin', origin: 'model', conclusion: null,
  measurements: [{ key: 'firingPin.widthUm', value: 812.5, unit: 'µm', threshold: null }],
});
/** An original finding amended by the expert, and its amendment pointing back at it. */
export const amendedOriginal: Finding = FindingSchema.parse({
  ...baseFinding, id: '55555555-5555-4555-8555-555555555553', kind: 'land-pair', origin: 'model', conclusion: 'inconclusive',
  supersededBy: '55555555-5555-4555-8555-555555555554',
  measurements: [{ key: 'land.ccf', value: 0.41, unit: null, threshold: { value: 0.6, rule: '>=' } }],
  review: { decision: 'amended', reason: 'edge damage excluded', reviewer: 'expert1', at: '2026-01-02T12:00:00.000Z', auditSeq: 9 },
});
export const amendment: Finding = FindingSchema.parse({
  ...baseFinding, id: '55555555-5555-4555-8555-555555555554', kind: 'land-pair', origin: 'model-edited', conclusion: 'identification',
  supersedes: amendedOriginal.id, measurements: [{ key: 'land.ccf', value: 0.72, unit: null, threshold: { value: 0.6, rule: '>=' } }], auditSeq: 10,
});

/** A case review in a given state. */
export function reviewIn(state: 'draft' | 'in-review' | 'verified' | 'signed', decided = 0, total = 2) {
  return CaseReviewSchema.parse({ caseId, state, technicalReviewRequired: false, findingsTotal: total, findingsDecided: decided, signatures: [], updatedAt: '2026-01-02T12:00:00.000Z' });
}

export const doneRun = AnalysisRunSchema.parse({
  id: runId, caseId, module: 'ballistics.cartridge-case', evidenceIds: [evidenceA.id, evidenceB.id], parameters: {}, state: 'done', progress: 1, error: null,
  startedBy: 'expert1', startedAt: '2026-01-02T10:30:00.000Z', finishedAt: '2026-01-02T10:31:00.000Z', findingIds: [cmcFinding.id], resultSha256: hash('d'),
});

const surfaceRef = (evidenceId: string, name: string, sha: string) => ({ evidenceId, name, sha256: hash(sha), width: 200, height: 180, pixelUm: 3.125 });
const cells = [
  { row: 0, col: 0, x: 0, y: 0, width: 50, height: 45, theta: -3, dx: 4, dy: -2, ccf: 0.71, congruent: true },
  { row: 0, col: 1, x: 50, y: 0, width: 50, height: 45, theta: 12, dx: -20, dy: 9, ccf: 0.33, congruent: false },
].map((c) => ({ ...c, outline: cellOutline(c, 200, 180) }));
export const cartridgeResult = CartridgeComparisonResultSchema.parse({
  kind: 'cartridge-case', a: surfaceRef(evidenceA.id, 'fadul1-1', 'e'), b: surfaceRef(evidenceB.id, 'fadul1-2', 'f'),
  aToB: { cmcCount: 1, cellsCompared: 2, consensus: { theta: -3, dx: 4, dy: -2 }, alignment: alignmentMatrix({ theta: -3, dx: 4, dy: -2 }, 200, 180), cells },
  bToA: { cmcCount: 1, cellsCompared: 2, consensus: { theta: 3, dx: -4, dy: 2 }, alignment: alignmentMatrix({ theta: 3, dx: -4, dy: 2 }, 200, 180), cells },
  cmcCount: 1, threshold: 6, conclusion: 'inconclusive', provenance, timing: { total: 1200 },
});

/** A rendered surface; the bytes are a PNG signature only, since tests stub decoding. */
export const surfaceImage = SurfaceImageSchema.parse({ png: new Uint8Array([137, 80, 78, 71]), width: 200, height: 180, pixelUm: 3.125, zMinUm: -2.5, zMaxUm: 3.1 });

export const summary = requestChannels['summary.get'].response.parse({
  paragraphs: [
    {
      heading: 'Measurements',
      parts: [{ text: 'Congruent matching cells: ' }, { text: '14', findingId: cmcFinding.id, measurementKey: 'cmc.count' }, { text: ' of 43.' }],
    },
    // The generator's last paragraph is always the conclusion, and `conclusion` its text.
    { heading: 'Conclusion', parts: [{ text: 'Identification.' }] },
  ],
  conclusion: 'Identification.',
});

/** The catalog of the shipped modules, as 'forensics.catalog' answers it. */
export const catalog: ResponseOf<'forensics.catalog'> = {
  kinds: [
    { id: 'document', module: null, formats: ['pdf', 'png', 'jpeg', 'tiff'], imagesNeedPixelSize: false },
    { id: 'other', module: null, formats: ['png', 'jpeg', 'tiff', 'x3p', 'pdf'], imagesNeedPixelSize: false },
    { id: 'ballistics.cartridge-case', module: 'ballistics', formats: ['x3p', 'png', 'jpeg', 'tiff'], imagesNeedPixelSize: true },
    { id: 'ballistics.bullet-land', module: 'ballistics', formats: ['x3p'], imagesNeedPixelSize: false },
  ],
  methods: [
    { id: 'ballistics.cartridge-case', module: 'ballistics', acceptedKinds: ['ballistics.cartridge-case'], arity: { min: 2, max: 2 } },
    { id: 'ballistics.bullet', module: 'ballistics', acceptedKinds: ['ballistics.bullet-land'], arity: { min: 2, max: 20 } },
  ],
  measurementDigits: { default: 3, byModule: { 'ballistics.cartridge-case': { 'cmc.consensus.theta': 1, 'cmc.pixelUm': 2 }, 'ballistics.bullet': { 'land.ccf': 3 } } },
};
requestChannels['forensics.catalog'].response.parse(catalog);
