/**
 * Fixed findings for the summary and report tests, with the measurement keys their producers write: a CMC comparison
 * (accepted), a bullet comparison amended by the expert (original kept), an unreviewed land pair, a manual distance, a module without templates carrying a
 * likelihood ratio, and a rejected comparison.
 */
import type { Finding, Measurement, Provenance } from '../../../main/contract/index.ts';

/** Ids of the fixture's findings, fixed so that goldens stay stable. */
export const fixtureIds = {
  caseId: '00000000-0000-4000-8000-000000000001',
  evidenceA: '00000000-0000-4000-8000-0000000000a1',
  evidenceB: '00000000-0000-4000-8000-0000000000b1',
  cmc: '10000000-0000-4000-8000-000000000001',
  bulletOriginal: '10000000-0000-4000-8000-000000000002',
  bulletAmended: '10000000-0000-4000-8000-000000000003',
  land: '10000000-0000-4000-8000-000000000004',
  distance: '10000000-0000-4000-8000-000000000005',
  handwriting: '10000000-0000-4000-8000-000000000006',
  rejected: '10000000-0000-4000-8000-000000000007',
} as const;

const provenance = (algorithm: string): Provenance => ({
  algorithm,
  version: '1.0.0',
  modelSha256: null,
  parameters: { cellSize: 64 },
  inputs: [{ name: 'fadul1-1.x3p', sha256: 'a'.repeat(64), evidenceId: fixtureIds.evidenceA }],
  software: { node: '20' },
});

const m = (key: string, value: number | string | boolean, unit: string | null = null, threshold: Measurement['threshold'] = null): Measurement => ({ key, value, unit, threshold });

interface FixtureOptions {
  readonly caseId?: string;
  readonly evidenceIds?: readonly [string, string];
}

/** The fixture findings, oldest first; ids of the case and evidence can be replaced for tests on a real workstation. */
export function fixtureFindings(options: FixtureOptions = {}): Finding[] {
  const caseId = options.caseId ?? fixtureIds.caseId;
  const evidenceIds = [...(options.evidenceIds ?? [fixtureIds.evidenceA, fixtureIds.evidenceB])];
  const base = {
    caseId,
    runId: null,
    evidenceIds,
    supersedes: null,
    supersededBy: null,
    overlays: [],
    review: null,
    createdBy: 'expert',
    createdAt: '2026-11-27T09:00:00.000Z',
    auditSeq: 10,
  };
  return [
    {
      ...base,
      id: fixtureIds.cmc,
      module: 'ballistics.cartridge-case',
      kind: 'cmc-comparison',
      measurements: [
        m('cmc.count', 7, null, { value: 6, rule: '>=' }),
        m('cmc.count.aToB', 9),
        m('cmc.count.bToA', 7),
        m('cmc.threshold', 6),
        m('cmc.consensus.theta', -3.25, '°'),
        m('cmc.consensus.dx', 12.5, 'px'),
        m('cmc.consensus.dy', -4, 'px'),
        m('cmc.cells.aToB', 21),
        m('cmc.cells.bToA', 24),
        m('cmc.pixelUm', 6.25, 'µm'),
      ],
      conclusion: 'identification',
      origin: 'model',
      provenance: provenance('cmc'),
      review: { decision: 'accepted', reason: null, reviewer: 'expert', at: '2026-11-27T09:10:00.000Z', auditSeq: 20 },
    },
    {
      ...base,
      id: fixtureIds.bulletOriginal,
      module: 'ballistics.bullet',
      kind: 'bullet-pair',
      measurements: [m('bullet.score', 0.4815, null, { value: 0.5, rule: '>=' }), m('bullet.landThreshold', 0.5)],
      conclusion: 'inconclusive',
      origin: 'model',
      supersededBy: fixtureIds.bulletAmended,
      provenance: provenance('bullet-lea'),
      review: { decision: 'amended', reason: 'Land 3 of bullet B is damaged; the remaining lands agree.', reviewer: 'expert', at: '2026-11-27T09:12:00.000Z', auditSeq: 21 },
    },
    {
      ...base,
      id: fixtureIds.bulletAmended,
      module: 'ballistics.bullet',
      kind: 'bullet-pair',
      measurements: [m('bullet.score', 0.4815, null, { value: 0.5, rule: '>=' }), m('bullet.landThreshold', 0.5)],
      conclusion: 'identification',
      origin: 'model-edited',
      supersedes: fixtureIds.bulletOriginal,
      provenance: provenance('bullet-lea'),
      createdAt: '2026-11-27T09:12:00.000Z',
      auditSeq: 21,
    },
    {
      ...base,
      id: fixtureIds.land,
      module: 'ballistics.bullet',
      kind: 'land-pair',
      measurements: [m('land.ccf', 0.81234), m('land.cms', 3), m('land.score', 0.77, null, { value: 0.5, rule: '>=' })],
      conclusion: null,
      origin: 'model',
      provenance: provenance('bullet-lea'),
    },
    {
      ...base,
      id: fixtureIds.distance,
      module: 'manual',
      kind: 'distance',
      evidenceIds: [evidenceIds[0]!],
      measurements: [m('manual.distance', 1523.44, 'µm'), m('manual.points', '[[12,40.5],[255.75,40.5]]', 'px'), m('manual.pixelUm', 6.25, 'µm')],
      conclusion: null,
      origin: 'manual',
      provenance: provenance('manual'),
    },
    {
      ...base,
      id: fixtureIds.handwriting,
      module: 'handwriting',
      kind: 'signature-comparison',
      measurements: [m('lr', 350), m('features.matched', 14)],
      conclusion: null,
      origin: 'model',
      provenance: provenance('handwriting-lr'),
      review: { decision: 'accepted', reason: null, reviewer: 'expert', at: '2026-11-27T09:14:00.000Z', auditSeq: 22 },
    },
    {
      ...base,
      id: fixtureIds.rejected,
      module: 'ballistics.cartridge-case',
      kind: 'cmc-comparison',
      measurements: [m('cmc.count', 1, null, { value: 6, rule: '>=' }), m('cmc.threshold', 6)],
      conclusion: 'elimination',
      origin: 'model',
      provenance: provenance('cmc'),
      review: { decision: 'rejected', reason: 'Scan B was taken of the wrong region.', reviewer: 'expert', at: '2026-11-27T09:16:00.000Z', auditSeq: 23 },
    },
  ];
}
