// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FindingSchema, type Finding } from '../../../main/contract/index.ts';
import { shippedRegistry } from '../../../main/services/forensics/modules.ts';
import { generateSummary } from '../../../main/services/reports/summary/generate-summary.ts';
import { ExpertWorkbench } from '../../../renderer/src/review/expert-workbench.tsx';
import { caseId, evidenceA, evidenceB, reviewIn, summary } from '../expert-fixtures.ts';
import { cleanup, click, fakeApi, need, ok, render, stubCanvas } from '../expert-harness.tsx';

const registry = shippedRegistry();

/** A writer comparison as the handwriting module records it: the likelihood ratio first, then the score. */
const comparison: Finding = FindingSchema.parse({
  id: '55555555-5555-4555-8555-55555555555a', caseId, runId: '22222222-2222-4222-8222-222222222222', module: 'handwriting.writer-comparison', kind: 'writer-comparison',
  evidenceIds: [evidenceA.id, evidenceB.id], supersedes: null, supersededBy: null, origin: 'model', conclusion: 'hw-support-moderate', overlays: [],
  provenance: { algorithm: 'handwriting.graph-grapheme', version: '1.0.0', modelSha256: null, parameters: {}, inputs: [], software: { dalel: '0.1.0' } },
  measurements: [
    { key: 'lr', value: 1995.263118, unit: null, threshold: null },
    { key: 'hw.score', value: 0.4123456, unit: null, threshold: null },
    { key: 'hw.pages.known', value: 3, unit: null, threshold: null },
  ],
  review: null, createdBy: 'expert1', createdAt: '2026-01-02T11:00:00.000Z', auditSeq: 7,
});

const summaryText = (language: 'en' | 'ru' | 'kk') =>
  generateSummary([comparison], language, registry.summaries())
    .paragraphs.flatMap((p) => p.parts.map((part) => part.text))
    .join('');

type CatalogAnswer = Parameters<typeof fakeApi>[0]['forensics.catalog'];

async function mount(language: 'en' | 'ru' | 'kk', catalog: CatalogAnswer = ok(registry.catalog())) {
  const fake = fakeApi({
    'evidence.list': ok([evidenceA, evidenceB]),
    'analysis.list': ok([]),
    'findings.list': ok([comparison]),
    'review.get': ok(reviewIn('draft', 0, 1)),
    'summary.get': ok(summary),
    'forensics.catalog': catalog,
  });
  await render(fake.api, <ExpertWorkbench caseId={caseId} role="expert" onChanged={() => undefined} />, language);
}

/** The number as a whole in the text: '1 995,26' is not in '1 995,263'. */
const number = (n: string) => new RegExp(`${n.replace(/[.]/g, '\\.')}(?!\\d)`);

beforeEach(() => stubCanvas());
afterEach(() => cleanup());

describe("a finding card's numbers", () => {
  it.each([
    ['en', '1,995.26', '0.412'],
    ['ru', '1 995,26', '0,412'],
    ['kk', '1 995,26', '0,412'],
  ] as const)('are written with the digits the summary gives them (%s)', async (language, lr, score) => {
    await mount(language);
    const card = need(`finding-measurements-${comparison.id}`).textContent!.replace(/\u00a0|\u202f/g, ' ');
    const written = summaryText(language).replace(/\u00a0|\u202f/g, ' ');
    // The module declares 2 digits for the ratio and 3 for the score: the summary, the card and the reject dialog agree.
    expect(written).toMatch(number(lr));
    expect(card).toMatch(number(lr));
    expect(card).toMatch(number(score));
    await click(`finding-reject-${comparison.id}`);
    expect(need('review-dialog').textContent!.replace(/\u00a0|\u202f/g, ' ')).toMatch(number(lr));
  });

  it('fall back to four decimals while the catalog cannot be read', async () => {
    await mount('en', () => ({ ok: false, error: { code: 'INTERNAL', message: 'unavailable' } }));
    expect(need(`finding-measurements-${comparison.id}`).textContent).toContain('1,995.2631');
  });
});
