import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handwritingConclusions } from '../../../main/services/forensics/handwriting/verbal-scale.ts';
import { conclusionChoices, rendererModules } from '../../../renderer/src/forensics/registry.ts';

const translations = Object.fromEntries(
  (['en', 'ru', 'kk'] as const).map((language) => [language, JSON.parse(readFileSync(new URL(`../../../renderer/src/i18n/${language}.json`, import.meta.url), 'utf8')) as { conclusions: Record<string, string> }]),
);

describe('conclusions an expert chooses when amending a finding', () => {
  it('every coded conclusion of every module reads as words in kk, ru and en', () => {
    const codes = rendererModules.flatMap((m) => Object.values(m.conclusions ?? {}).flat());
    expect(codes.length).toBeGreaterThan(20);
    for (const language of ['en', 'ru', 'kk'] as const) {
      for (const code of codes) expect(translations[language]!.conclusions[code], `${language}: ${code}`).toMatch(/\p{L}/u);
    }
  });

  it('handwriting offers exactly the services’ verbal scale; ballistics the AFTE range; a drug strip its screen results', () => {
    expect([...conclusionChoices('writer-comparison')!].sort()).toEqual([...handwritingConclusions].sort());
    expect(conclusionChoices('cmc-comparison')).toEqual(['identification', 'inconclusive', 'elimination']);
    expect(conclusionChoices('strip-panel')).toEqual(['positive', 'negative', 'invalid']);
    expect(conclusionChoices('firing-pin')).toBeNull();
  });
});
