// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceSchema, type ResponseOf } from '../../../main/contract/index.ts';
import { CompareDialog } from '../../../renderer/src/analysis/compare-dialog.tsx';
import { caseId, catalog, evidenceA } from '../expert-fixtures.ts';
import { byTestId, cleanup, fakeApi, need, ok, render, submit, type } from '../expert-harness.tsx';

afterEach(cleanup);

const drugsCatalog: ResponseOf<'forensics.catalog'> = {
  kinds: [...catalog.kinds, { id: 'drugs.spot-plate', module: 'drugs', formats: ['jpeg', 'png'], imagesNeedPixelSize: false }],
  methods: [...catalog.methods, { id: 'drugs.spot', module: 'drugs', acceptedKinds: ['drugs.spot-plate'], arity: { min: 1, max: 1 } }],
};
const plate = EvidenceSchema.parse({ ...evidenceA, id: '44444444-4444-4444-8444-44444444444e', sha256: 'e'.repeat(64), originalName: 'plate.jpg', kind: 'jpeg', mediaType: 'image/jpeg', category: 'drugs.spot-plate' });

describe('starting a spot-plate reading on one photo', () => {
  it('asks the reagent of each well, checks it, and sends it as the method’s options', async () => {
    const fake = fakeApi({ 'forensics.catalog': ok(drugsCatalog), 'analysis.start': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not needed' } }) });
    await render(fake.api, <CompareDialog caseId={caseId} items={[plate]} onClose={() => undefined} onStarted={() => undefined} />);
    expect((need('compare-module-drugs.spot') as HTMLInputElement).checked).toBe(true);
    expect(byTestId('compare-no-method')).toBeNull();
    await type('compare-drugs-reagents', 'A1 Marquis');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([]);
    expect(need('compare-form').textContent).toContain('Write each well as WELL=REAGENT');
    await type('compare-drugs-reagents', "A1=Marquis, A2=Simon's");
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([{ caseId, module: 'drugs.spot', evidenceIds: [plate.id], methodOptions: { reagents: "A1=Marquis, A2=Simon's" } }]);
  });
});
