import { describe, expect, it } from 'vitest';
import { analysisStages } from '../../main/contract/index.ts';
import en from '../../renderer/src/i18n/en.json';
import kk from '../../renderer/src/i18n/kk.json';
import ru from '../../renderer/src/i18n/ru.json';

describe('analysis progress', () => {
  it.each([['kk', kk], ['ru', ru], ['en', en]] as const)('names every stage a run reports in %s (never the raw id)', (_language, messages) => {
    // Stage ids are dotted ('cmc.aToB'): their words sit at that path.
    const words = (path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages.analysis.stages);
    for (const stage of analysisStages) expect(words(stage), stage).toMatch(/^\p{Lu}/u);
  });
});
