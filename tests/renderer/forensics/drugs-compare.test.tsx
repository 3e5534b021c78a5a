// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceSchema, type ResponseOf } from '../../../main/contract/index.ts';
import { CompareDialog } from '../../../renderer/src/analysis/compare-dialog.tsx';
import { spotReagents } from '../../../renderer/src/forensics/drugs/spot-reagent-fields.tsx';
import { NIJ_REAGENTS } from '../../../native/drugs/spot/reagents.ts';
import { caseId, catalog, evidenceA } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, render, submit, type } from '../expert-harness.tsx';

afterEach(cleanup);

const drugsCatalog: ResponseOf<'forensics.catalog'> = {
  kinds: [...catalog.kinds, { id: 'drugs.spot-plate', module: 'drugs', formats: ['jpeg', 'png'], imagesNeedPixelSize: false }],
  methods: [...catalog.methods, { id: 'drugs.spot', module: 'drugs', acceptedKinds: ['drugs.spot-plate'], arity: { min: 1, max: 1 } }],
  measurementDigits: catalog.measurementDigits,
};
const plate = EvidenceSchema.parse({ ...evidenceA, id: '44444444-4444-4444-8444-44444444444e', sha256: 'e'.repeat(64), originalName: 'plate.jpg', kind: 'jpeg', mediaType: 'image/jpeg', category: 'drugs.spot-plate' });

describe('starting a spot-plate reading on one photo', () => {
  const open = async (language: 'en' | 'ru' = 'en') => {
    const fake = fakeApi({ 'forensics.catalog': ok(drugsCatalog), 'analysis.start': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not needed' } }) });
    await render(fake.api, <CompareDialog caseId={caseId} items={[plate]} onClose={() => undefined} onStarted={() => undefined} />, language);
    return fake;
  };

  it('asks the reagent of each well by name, row by row, checks the rows, and sends them as the method’s options', async () => {
    const fake = await open();
    expect((need('compare-module-drugs.spot') as HTMLInputElement).checked).toBe(true);
    expect(byTestId('compare-no-method')).toBeNull();
    expect((need('spot-well-label-1') as HTMLInputElement).value).toBe('A1');
    // Nothing chosen yet: refused, naming the well.
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([]);
    expect(need('spot-wells-problem').textContent).toBe('Choose the reagent of well A1.');
    await type('spot-well-reagent-1', 'marquis');
    await click('spot-well-add');
    expect((need('spot-well-label-2') as HTMLInputElement).value).toBe('A2');
    await type('spot-well-reagent-2', 'simon');
    await click('spot-well-add');
    await type('spot-well-label-3', 'a1');
    await type('spot-well-reagent-3', 'marquis');
    await submit('compare-form');
    expect(need('spot-wells-problem').textContent).toBe('Well A1 is listed twice.');
    await type('spot-well-label-3', 'A4');
    await click('spot-well-blank-3');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([{ caseId, module: 'drugs.spot', evidenceIds: [plate.id], methodOptions: { reagents: 'A1=marquis,A2=simon,A4=marquis:blank' } }]);
  });

  it('names the reagents in the user’s language and says what is wrong with a well in it', async () => {
    const fake = await open('ru');
    const options = [...(need('spot-well-reagent-1') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toContain('Марки');
    expect(options).toContain('п-ДМАБ (Эрлиха)');
    expect(options.join(' ')).not.toMatch(/marquis|p-dmab/);
    await type('spot-well-label-1', 'AA');
    await submit('compare-form');
    expect(need('spot-wells-problem').textContent).toBe('«AA» — не обозначение лунки: укажите букву строки и номер столбца, например A1.');
    expect(fake.callsTo('analysis.start')).toEqual([]);
  });
});

describe('the reagents a well may be given', () => {
  it('are the NIJ reagents the spot method reads, by the same ids (the renderer keeps its own copy of the list)', () => {
    expect([...spotReagents].sort()).toEqual(NIJ_REAGENTS.map((r) => r.id).sort());
  });
});
