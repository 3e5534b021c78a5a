// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceSchema, type Evidence } from '../../../main/contract/index.ts';
import { CompareDialog } from '../../../renderer/src/analysis/compare-dialog.tsx';
import { EvidencePanel } from '../../../renderer/src/evidence/evidence-panel.tsx';
import { caseId, catalog, evidenceA, evidenceImage } from '../expert-fixtures.ts';
import { byTestId, cleanup, fakeApi, need, ok, render, settle, submit, type } from '../expert-harness.tsx';

afterEach(cleanup);

const item = (id: string, originalName: string, kind: Evidence['kind'], category: string): Evidence =>
  EvidenceSchema.parse({ ...evidenceA, id, sha256: id.slice(-1).repeat(64), originalName, kind, category, mediaType: kind === 'png' ? 'image/png' : 'application/x-x3p' });
const page = item('44444444-4444-4444-8444-44444444444a', 'page.png', 'png', 'other');
const land1 = item('44444444-4444-4444-8444-44444444444b', 'land1.x3p', 'x3p', 'ballistics.bullet-land');
const land2 = item('44444444-4444-4444-8444-44444444444c', 'land2.x3p', 'x3p', 'ballistics.bullet-land');

const compare = (items: readonly Evidence[]) => {
  const fake = fakeApi({ 'forensics.catalog': ok(catalog) });
  return render(fake.api, <CompareDialog caseId={caseId} items={items} onClose={() => undefined} onStarted={() => undefined} />).then(() => fake);
};

/** A File as a browser gives it (jsdom's has no arrayBuffer). */
const fileOf = (bytes: Uint8Array<ArrayBuffer>, name: string) => Object.assign(new File([bytes], name), { arrayBuffer: async () => bytes.slice().buffer });

async function choose(id: string, value: string): Promise<void> {
  const select = need(id) as HTMLSelectElement;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('the Compare dialog offers only the methods for the items\' declared kinds', () => {
  it('offers none for a page and a cartridge case, and says why for each method', async () => {
    const fake = await compare([evidenceA, page]);
    const why = need('compare-no-method').textContent!;
    expect(why).toContain('No method applies to these items.');
    expect(why).toContain('Cartridge cases (CMC): accepts only Cartridge case (breech face); “page.png” (Other evidence) is declared otherwise.');
    expect(why).toContain('Bullets (land signatures): accepts only Bullet land; “fadul1-1.x3p” (Cartridge case (breech face)), “page.png” (Other evidence) is declared otherwise.');
    expect(byTestId('compare-module-ballistics.cartridge-case')).toBeNull();
    expect((need('compare-start') as HTMLButtonElement).disabled).toBe(true);
    expect(fake.callsTo('analysis.start')).toEqual([]);
  });

  it('offers only the bullet method for two bullet lands, with its split field', async () => {
    await compare([land1, land2]);
    expect(byTestId('compare-no-method')).toBeNull();
    expect((need('compare-module-ballistics.bullet') as HTMLInputElement).checked).toBe(true);
    expect(byTestId('compare-module-ballistics.cartridge-case')).toBeNull();
    expect((need('compare-bullet-a-size') as HTMLInputElement).value).toBe('1');
    // The split is by pick order, so the field says which file goes to which bullet, and follows the count.
    const hint = () => document.getElementById('compare-bullet-a-size-helper-text')!.textContent;
    expect(hint()).toBe('By pick order: bullet A — land1.x3p; bullet B — land2.x3p.');
    await type('compare-bullet-a-size', '2');
    expect(hint()).toBe('The first items picked are the lands of bullet A, the rest those of bullet B.');
  });

  it('fills in the pixel size declared at intake for a breech-face image', async () => {
    const fake = fakeApi({ 'forensics.catalog': ok(catalog), 'analysis.start': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not needed' } }) });
    const declared = EvidenceSchema.parse({ ...evidenceImage, pixelUm: 2.5 });
    await render(fake.api, <CompareDialog caseId={caseId} items={[evidenceA, declared]} onClose={() => undefined} onStarted={() => undefined} />);
    expect((need(`compare-pixel-${declared.sha256}`) as HTMLInputElement).value).toBe('2.5');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([{ caseId, module: 'ballistics.cartridge-case', evidenceIds: [evidenceA.id, declared.id], pixelUm: { [declared.id]: 2.5 } }]);
  });
});

/** The evidence panel of an empty case, whose intake suggests `suggestion` for every file. */
async function intakePanel(suggestion: { format: string; category: string; allowed: readonly string[] }, added: Evidence) {
  const fake = fakeApi({
    'evidence.list': ok([]),
    'forensics.catalog': ok(catalog),
    'evidence.suggestKind': ok(suggestion),
    'evidence.add': ok({ evidence: added, duplicate: false }),
  });
  await render(fake.api, <EvidencePanel caseId={caseId} role="expert" onChanged={() => undefined} />);
  return fake;
}

/** Chooses files in the panel's file input, as the expert's file dialog does, and waits for the intake to ask. */
async function chooseFiles(files: readonly File[]): Promise<void> {
  const input = need('evidence-file-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
  await settle();
}

describe('intake asks what each file is evidence of before storing it', () => {
  it('preselects the suggested kind, lets the expert change it and give the pixel size, then stores with the declaration', async () => {
    const fake = await intakePanel({ format: 'png', category: 'other', allowed: ['document', 'other', 'ballistics.cartridge-case'] }, evidenceImage);
    await chooseFiles([fileOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'breech.png')]);
    need('declare-kind-dialog');
    expect(fake.callsTo('evidence.add')).toEqual([]);
    const select = need('declare-kind-0') as HTMLSelectElement;
    expect(select.value).toBe('other');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Document', 'Other evidence', 'Cartridge case (breech face)']);
    expect(byTestId('declare-pixel-0')).toBeNull();
    // One file: no field for all of them.
    expect(byTestId('declare-kind-all')).toBeNull();
    await choose('declare-kind-0', 'ballistics.cartridge-case');
    await type('declare-pixel-0', '1,6');
    await act(async () => need('declare-kind-store').click());
    await settle();
    await settle();
    expect(fake.callsTo('evidence.add')).toEqual([{ caseId, fileName: 'breech.png', bytes: expect.any(Uint8Array), category: 'ballistics.cartridge-case', pixelUm: 1.6 }]);
    expect(byTestId('declare-kind-dialog')).toBeNull();
  });

  it('declares the kind of several files at once, leaving each file’s own choice open', async () => {
    const fake = await intakePanel({ format: 'png', category: 'other', allowed: ['document', 'other', 'handwriting.page'] }, page);
    await chooseFiles(['w1.png', 'w2.png', 'w3.png'].map((name, i) => fileOf(new Uint8Array([i]), name)));
    const all = need('declare-kind-all') as HTMLSelectElement;
    // Each file keeps the suggestion until the expert chooses for all.
    expect(all.value).toBe('other');
    await choose('declare-kind-all', 'handwriting.page');
    for (const index of [0, 1, 2]) expect((need(`declare-kind-${index}`) as HTMLSelectElement).value).toBe('handwriting.page');
    // One file told apart: the field for all then says the kinds differ.
    await choose('declare-kind-2', 'document');
    expect((need('declare-kind-all') as HTMLSelectElement).value).toBe('');
    await act(async () => need('declare-kind-store').click());
    await settle();
    await settle();
    expect((fake.callsTo('evidence.add') as Array<{ fileName: string; category: string }>).map((c) => [c.fileName, c.category])).toEqual([
      ['w1.png', 'handwriting.page'],
      ['w2.png', 'handwriting.page'],
      ['w3.png', 'document'],
    ]);
  });

  it('stores nothing when the expert cancels', async () => {
    const fake = await intakePanel({ format: 'x3p', category: 'ballistics.cartridge-case', allowed: ['other', 'ballistics.cartridge-case', 'ballistics.bullet-land'] }, evidenceA);
    await chooseFiles([fileOf(new Uint8Array([1, 2]), 'scan.x3p')]);
    await act(async () => need('declare-kind-cancel').click());
    await settle();
    expect(byTestId('declare-kind-dialog')).toBeNull();
    expect(fake.callsTo('evidence.add')).toEqual([]);
  });
});
