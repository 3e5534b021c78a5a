// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceSchema, requestChannels, type ResponseOf } from '../../../main/contract/index.ts';
import { CompareDialog } from '../../../renderer/src/analysis/compare-dialog.tsx';
import { caseId, catalog, evidenceA } from '../expert-fixtures.ts';
import { byTestId, cleanup, click, fakeApi, need, ok, render, submit, type } from '../expert-harness.tsx';

afterEach(cleanup);

const withStrips: ResponseOf<'forensics.catalog'> = {
  kinds: [...catalog.kinds, { id: 'drugs.strip', module: 'drugs', formats: ['png', 'jpeg'], imagesNeedPixelSize: false }],
  methods: [...catalog.methods, { id: 'drugs.strip', module: 'drugs', acceptedKinds: ['drugs.strip'], arity: { min: 1, max: 1 } }],
  measurementDigits: catalog.measurementDigits,
};
requestChannels['forensics.catalog'].response.parse(withStrips);
const cassette = EvidenceSchema.parse({ ...evidenceA, id: '44444444-4444-4444-8444-44444444444e', originalName: 'cassette.jpg', kind: 'jpeg', mediaType: 'image/jpeg', category: 'drugs.strip' });

async function open(language: 'en' | 'ru' = 'en') {
  const fake = fakeApi({ 'forensics.catalog': ok(withStrips), 'analysis.start': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not needed' } }) });
  await render(fake.api, <CompareDialog caseId={caseId} items={[cassette]} onClose={() => undefined} onStarted={() => undefined} />, language);
  return fake;
}

// A missing name marks the name field; a strip's problem is said below the strips.
const problem = () => byTestId('cassette-problem')?.textContent ?? need('cassette-fields').querySelector('.Mui-error')?.closest('.MuiFormControl-root')?.querySelector('p')?.textContent;

describe('the cassette of a drug-screening photo, described in a form instead of JSON', () => {
  it('asks for each strip from the left, names what is missing per strip, and sends the reader its panel description', async () => {
    const fake = await open();
    expect(need('cassette-fields').textContent).toContain('Strip 1 (from the left)');
    expect(need('cassette-fields').textContent).not.toContain('{');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([]);
    expect(problem()).toBe("Give the cassette's name.");

    await type('cassette-name', 'Five-panel cup');
    await type('cassette-drug-1', 'THC');
    await type('cassette-cutoff-1', '50');
    await click('cassette-add');
    await type('cassette-drug-2', 'COC');
    await type('cassette-test-2', '35');
    await submit('compare-form');
    expect(problem()).toBe('Strip 2: the control and test lines must be at least 10 % of the window apart.');
    expect(need('cassette-fields').querySelector('.Mui-error')).toBeNull();
    await type('cassette-test-2', '62,5');
    await type('cassette-format-2', 'sandwich');
    await submit('compare-form');
    expect(fake.callsTo('analysis.start')).toEqual([
      {
        caseId,
        module: 'drugs.strip',
        evidenceIds: [cassette.id],
        methodOptions: {
          panel: {
            name: 'Five-panel cup',
            panels: [
              { drug: 'THC', cutoffNgMl: 50, controlAt: 0.3, testAt: 0.65, format: 'competitive' },
              { drug: 'COC', controlAt: 0.3, testAt: 0.625, format: 'sandwich' },
            ],
          },
        },
      },
    ]);
  });

  it('removes a strip, refuses a cut-off that is not a positive number, and speaks Russian', async () => {
    await open('ru');
    expect(need('cassette-fields').textContent).toContain('Полоска 1 (слева)');
    expect(need('cassette-fields').textContent).toContain('Конкурентный (видна линия теста — отрицательно)');
    await click('cassette-add');
    expect(byTestId('cassette-strip-2')).not.toBeNull();
    await click('cassette-remove-2');
    expect(byTestId('cassette-strip-2')).toBeNull();
    expect(byTestId('cassette-remove-1')).toBeNull();
    await type('cassette-name', 'Кассета');
    await type('cassette-drug-1', 'MOP');
    await type('cassette-cutoff-1', '-3');
    await submit('compare-form');
    expect(problem()).toBe('Полоска 1: порог — положительное число нг/мл или пусто.');
  });
});
