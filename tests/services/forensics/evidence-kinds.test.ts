import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorInfo, RequestChannel, RequestOf } from '../../../main/contract/index.ts';
import type { Workstation } from '../../../main/services/workstation.ts';
import { syntheticSurface, x3pOf } from '../../helpers/surfaces.ts';
import { openWorkstation } from '../../../main/services/workstation.ts';
import { call, fastScrypt, makePng, ManualClock, seedUsers, signAlone, tempDir } from '../../helpers/workstation.ts';
import { cmcDraft, findingsWorkstation } from '../findings/fixtures.ts';

async function refusal<C extends RequestChannel>(ws: Workstation, client: string, channel: C, payload: RequestOf<C>): Promise<ErrorInfo> {
  const result = await ws.dispatcher.invoke(client, channel, payload);
  if (result.ok) throw new Error(`${channel} was expected to be refused`);
  return result.error;
}

/** A long strip like a bullet land scan (Hamby 252: 500 × 1 588 points). */
const landScan = () => x3pOf({ ...syntheticSurface(64, 5), width: 32, height: 128 });
const pdf = () => new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('evidence kinds declared at intake', () => {
  let dispose = () => undefined as void;
  afterEach(() => dispose());

  async function setup() {
    const env = await findingsWorkstation();
    dispose = env.env.dispose;
    return { ...env, ws: env.env.ws };
  }

  it('suggests a kind from the file, records the declared kind and pixel size, and refuses a kind the format cannot be', async () => {
    const { ws, theCase, clients } = await setup();
    const add = (fileName: string, bytes: Uint8Array, declared = {}) => call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName, bytes, ...declared });
    expect(await call(ws, clients.expert, 'evidence.suggestKind', { fileName: 'b.x3p', bytes: x3pOf(syntheticSurface(64, 1)) })).toEqual({
      format: 'x3p',
      category: 'ballistics.cartridge-case',
      allowed: ['other', 'ballistics.cartridge-case', 'ballistics.bullet-land'],
    });
    expect((await call(ws, clients.expert, 'evidence.suggestKind', { fileName: 'land.x3p', bytes: landScan() })).category).toBe('ballistics.bullet-land');
    // A 2D image could be a page or a photograph: nothing but the expert makes it a breech face.
    expect((await call(ws, clients.expert, 'evidence.suggestKind', { fileName: 'page.png', bytes: makePng(30, 40, 9) })).category).toBe('other');
    expect((await add('brief.pdf', pdf())).evidence.category).toBe('document');
    const image = await add('breech.png', makePng(30, 30, 8), { category: 'ballistics.cartridge-case', pixelUm: 1.6 });
    expect(image.evidence).toMatchObject({ kind: 'png', category: 'ballistics.cartridge-case', pixelUm: 1.6 });
    const custody = await call(ws, clients.expert, 'evidence.custody', { evidenceId: image.evidence.id });
    expect(custody[0]!.note).toContain('declared as ballistics.cartridge-case, pixel size 1.6 µm');
    expect(custody[0]!.details).toEqual({ action: 'received', fileName: 'breech.png', bytes: image.evidence.sizeBytes, sha256: image.evidence.sha256, category: 'ballistics.cartridge-case', pixelUm: 1.6 });
    expect(await refusal(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'x.pdf', bytes: pdf(), category: 'ballistics.bullet-land' })).toMatchObject({
      code: 'BAD_INPUT',
      params: { file: 'x.pdf', reasonCode: 'kind-format-mismatch' },
    });
    expect((await refusal(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'y.png', bytes: makePng(5, 5, 2), category: 'fingerprints.latent' })).code).toBe('VALIDATION');
  });

  it('a correction of the kind is audit-logged with a custody event; a signed case refuses it and refuses a new run up front', async () => {
    const { ws, theCase, clients, actors, evidenceIds } = await setup();
    const item = (await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'photo.png', bytes: makePng(30, 30, 4) })).evidence;
    expect(item.category).toBe('other');
    const corrected = await call(ws, clients.expert, 'evidence.setKind', { evidenceId: item.id, category: 'ballistics.cartridge-case', pixelUm: 2.5 });
    expect(corrected).toMatchObject({ category: 'ballistics.cartridge-case', pixelUm: 2.5 });
    const entry = ws.audit.list({ caseId: theCase.id }).find((e) => e.action === 'evidence.kind-declared');
    expect(entry).toBeDefined();
    const custody = await call(ws, clients.expert, 'evidence.custody', { evidenceId: item.id });
    expect(custody.map((c) => c.action)).toEqual(['received', 'kind-declared']);
    expect(custody[1]!.note).toBe('declared as ballistics.cartridge-case, pixel size 2.5 µm (was other)');
    // The interface says it in the user's language from the details, not from the English note.
    expect(custody[1]!.details).toEqual({ action: 'kind-declared', category: 'ballistics.cartridge-case', pixelUm: 2.5, previousCategory: 'other' });

    // Two scans received before signing, to try a run on after it.
    const x3ps = [];
    for (const seed of [1, 2]) x3ps.push((await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: `s${seed}.x3p`, bytes: x3pOf(syntheticSurface(64, seed)) })).evidence.id);
    // Sign the case.
    const [finding] = ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds)], actors.expert);
    await call(ws, clients.expert, 'findings.review', { findingId: finding!.id, decision: 'accepted' });
    // One expert signs alone here: the laboratory's technical review by a second expert is switched off.
    await call(ws, clients.administrator, 'settings.update', { technicalReviewRequired: false });
    await signAlone(ws, clients.expert, theCase.id);

    expect(await refusal(ws, clients.expert, 'evidence.setKind', { evidenceId: item.id, category: 'other', pixelUm: null })).toMatchObject({ code: 'CONFLICT', params: { reason: 'case-not-editable' } });
    // Refused before anything is queued: no run row, no 'analysis.started' entry, nothing to wait for.
    expect(await refusal(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'ballistics.cartridge-case', evidenceIds: x3ps })).toMatchObject({
      code: 'CONFLICT',
      params: { reason: 'case-not-editable' },
    });
    expect(await call(ws, clients.expert, 'analysis.list', { caseId: theCase.id })).toEqual([]);
    expect(ws.audit.list({ caseId: theCase.id }).some((e) => e.action === 'analysis.started')).toBe(false);
  });

  it('items received before kinds were declared (schema 6) get the kind suggested from their file when the workstation opens', async () => {
    const { dir, cleanup } = tempDir();
    const first = openWorkstation({ dataDir: dir, clock: new ManualClock(), scryptParams: fastScrypt, demoModels: false });
    const clients = await seedUsers(first);
    const caseId = (await call(first, clients.expert, 'cases.create', { number: 'OLD-1', venue: 'Lab', caseType: 'criminal', parties: '' })).id;
    for (const [name, bytes] of [['scan.x3p', x3pOf(syntheticSurface(64, 1))], ['land.x3p', landScan()], ['photo.png', makePng(9, 9, 1)], ['brief.pdf', pdf()]] as const) {
      await call(first, clients.expert, 'evidence.add', { caseId, fileName: name, bytes, category: 'other' });
    }
    // What a schema-6 database holds once migration 7 added the column: no declared kind.
    first.db.prepare('UPDATE evidence SET category = NULL').run();
    first.close();
    const reopened = openWorkstation({ dataDir: dir, clock: new ManualClock(), scryptParams: fastScrypt, demoModels: false });
    try {
      expect(reopened.evidence.list(caseId).map((e) => [e.originalName, e.category])).toEqual([
        ['scan.x3p', 'ballistics.cartridge-case'],
        ['land.x3p', 'ballistics.bullet-land'],
        ['photo.png', 'other'],
        ['brief.pdf', 'document'],
      ]);
    } finally {
      reopened.close();
      cleanup();
    }
  });

  it('the Compare dialog\'s catalog lists the kinds and the methods with the kinds they accept', async () => {
    const { ws, clients } = await setup();
    const catalog = await call(ws, clients.judge, 'forensics.catalog', {});
    expect(catalog.kinds.map((k) => k.id)).toEqual(['document', 'other', 'ballistics.cartridge-case', 'ballistics.bullet-land', 'handwriting.page', 'drugs.spot-plate', 'drugs.strip', 'drugs.pad-card']);
    expect(catalog.methods).toEqual([
      { id: 'ballistics.cartridge-case', module: 'ballistics', acceptedKinds: ['ballistics.cartridge-case'], arity: { min: 2, max: 2 } },
      { id: 'ballistics.bullet', module: 'ballistics', acceptedKinds: ['ballistics.bullet-land'], arity: { min: 2, max: 20 } },
      { id: 'handwriting.writer-comparison', module: 'handwriting', acceptedKinds: ['handwriting.page'], arity: { min: 2, max: 32 } },
      { id: 'handwriting.profile', module: 'handwriting', acceptedKinds: ['handwriting.page'], arity: { min: 1, max: 32 } },
      { id: 'drugs.spot', module: 'drugs', acceptedKinds: ['drugs.spot-plate'], arity: { min: 1, max: 1 } },
      { id: 'drugs.strip', module: 'drugs', acceptedKinds: ['drugs.strip'], arity: { min: 1, max: 1 } },
      { id: 'drugs.pad', module: 'drugs', acceptedKinds: ['drugs.pad-card'], arity: { min: 1, max: 1 } },
    ]);
  });

  it('the findings store refuses drafts whose module, kind or measurement keys no module declared', async () => {
    const { ws, theCase, actors, evidenceIds } = await setup();
    const draft = cmcDraft(evidenceIds);
    const add = (d: typeof draft) => () => ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [d], actors.expert);
    expect(add({ ...draft, measurements: [...draft.measurements, { key: 'cmc.mood', value: 1, unit: null, threshold: null }] })).toThrow(/cmc\.mood, which ballistics\.cartridge-case does not declare/);
    expect(add({ ...draft, kind: 'land-pair' })).toThrow(/kind land-pair, which ballistics\.cartridge-case does not declare/);
    expect(add({ ...draft, module: 'ballistics.shoe' })).toThrow(/no installed module declares/);
    expect(ws.findings.list(theCase.id)).toEqual([]);
  });
});

describe('methods refuse inputs outside their domain (in-process runs)', () => {
  let dispose = () => undefined as void;
  afterEach(() => dispose());

  it('a flat scan declared a cartridge case is refused by the sanity check before any comparison, with no finding', async () => {
    const env = await findingsWorkstation();
    dispose = env.env.dispose;
    const { clients, theCase } = env;
    const ws = env.env.ws;
    const flat = x3pOf({ width: 64, height: 64, step: 6.25e-6, z: new Float32Array(64 * 64).fill(1e-6) });
    const ids = [];
    for (const [name, bytes] of [['flat-a.x3p', flat], ['b.x3p', x3pOf(syntheticSurface(64, 3))]] as const) {
      ids.push((await call(ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: name, bytes, category: 'ballistics.cartridge-case' })).evidence.id);
    }
    const started = await call(ws, clients.expert, 'analysis.start', { caseId: theCase.id, module: 'ballistics.cartridge-case', evidenceIds: ids });
    const run = await ws.analysis.waitFor(started.id);
    expect(run.state).toBe('failed');
    expect(run.error?.message).toMatch(/^flat-a\.x3p: its heights span 0\.00 µm/);
    expect(run.findingIds).toEqual([]);
    expect(ws.findings.list(theCase.id)).toEqual([]);
  });
});
