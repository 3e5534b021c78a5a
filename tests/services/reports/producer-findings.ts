/**
 * Findings as the real producers write them (the CMC and bullet drafts of analysis runs, and the viewer's manual
 * distance), so that summary tests see the measurement keys the app records rather than keys invented for a fixture.
 */
import type { BulletComparisonResult, CartridgeComparisonResult, Finding, Measurement } from '../../../main/contract/index.ts';
import { bulletFindingDrafts, cartridgeFindingDrafts } from '../../../main/services/forensics/ballistics/finding-drafts.ts';
import type { FindingDraft } from '../../../main/services/findings/finding-draft.ts';
import { defaultCmcParameters } from '../../../native/cmc/cmc-params.ts';

const caseId = '20000000-0000-4000-8000-000000000001';
const evidence = ['20000000-0000-4000-8000-0000000000a1', '20000000-0000-4000-8000-0000000000b1', '20000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-0000000000b2'] as const;
const ref = (i: number, name: string) => ({ evidenceId: evidence[i]!, name, sha256: String(i + 1).repeat(64), width: 545, height: 545, pixelUm: 6.25 });
const provenance = { algorithm: 'producer', version: '1.0.0', modelSha256: null, parameters: { ...defaultCmcParameters }, inputs: [], software: {} };

const cartridge: CartridgeComparisonResult = {
  kind: 'cartridge-case',
  a: ref(0, 'fadul1.1_processed.x3p'),
  b: ref(1, 'fadul1.2_processed.x3p'),
  aToB: { cmcCount: 20, cellsCompared: 27, consensus: { theta: -24, dx: -8, dy: 2 }, alignment: [1, 0, 0, 1, 0, 0], cells: [] },
  bToA: { cmcCount: 22, cellsCompared: 32, consensus: { theta: 24, dx: 8, dy: -2 }, alignment: [1, 0, 0, 1, 0, 0], cells: [] },
  cmcCount: 20,
  threshold: 6,
  conclusion: 'identification',
  provenance,
  timing: {},
};

const bullet: BulletComparisonResult = {
  kind: 'bullet',
  a: [ref(0, 'B1-L2.x3p'), ref(1, 'B1-L3.x3p')],
  b: [ref(2, 'B2-L4.x3p'), ref(3, 'B2-L5.x3p')],
  landPairs: [
    { a: 0, b: 0, ccf: 0.81, cms: 12, d: 1.2, overlap: 0.9, lagUm: 15.6, score: 0.78 },
    { a: 1, b: 1, ccf: 0.74, cms: 9, d: 1.5, overlap: 0.85, lagUm: -3.1, score: 0.66 },
  ],
  rotation: { offset: 0, pairs: [[0, 0], [1, 1]] },
  bulletScore: 0.72,
  landThreshold: 0.5,
  conclusion: 'identification',
  signatures: [],
  provenance,
  timing: {},
};

/** The measurements the viewer's "Save as finding" writes for a distance (renderer/src/viewer/measure-panel.tsx). */
const manualDistance: Measurement[] = [
  { key: 'manual.distance', value: 1716.26, unit: 'µm', threshold: null },
  { key: 'manual.points', value: '[[163.5,161.18],[381.5,328.16]]', unit: 'px', threshold: null },
  { key: 'manual.pixelUm', value: 6.25, unit: 'µm', threshold: null },
];

function asFinding(draft: FindingDraft, n: number, origin: Finding['origin']): Finding {
  return {
    id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    caseId,
    runId: null,
    module: draft.module,
    kind: draft.kind,
    evidenceIds: [...draft.evidenceIds],
    measurements: [...draft.measurements],
    conclusion: draft.conclusion,
    origin,
    supersedes: null,
    supersededBy: null,
    provenance: draft.provenance,
    overlays: [],
    review: null,
    createdBy: 'expert',
    createdAt: '2026-11-27T09:00:00.000Z',
    auditSeq: 10 + n,
  };
}

/** One finding of each kind the app produces today: CMC comparison, bullet pair, land pairs, manual distance. */
export function producerFindings(): Finding[] {
  const drafts = [...cartridgeFindingDrafts(cartridge, []), ...bulletFindingDrafts(bullet, [])];
  const manual: FindingDraft = { module: 'manual', kind: 'distance', evidenceIds: [evidence[0]], measurements: manualDistance, conclusion: null, provenance, overlays: [] };
  return [...drafts.map((d, i) => asFinding(d, i + 1, 'model')), asFinding(manual, drafts.length + 1, 'manual')];
}
