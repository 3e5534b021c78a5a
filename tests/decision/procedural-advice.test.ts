import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProcedureDir, fillProcedureTexts, holds, loadProcedureBooks, ProceduralAdviceService } from '../../main/services/decision/procedural-advice.ts';
import { readCodeText } from '../../main/services/decision/statute-text.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

const service = ProceduralAdviceService.open(null);
const mrp = service.books[0]!.constants.mrpKzt.value;
const rules = (caseType: string, facts: Record<string, unknown>) => service.advise(caseType, facts as never).map((a) => a.rule);

describe('procedural advice rules', () => {
  it('simplified written procedure for a money claim up to 1 000 MRP, with the article cited', () => {
    expect(rules('kz-civil-contract', { claimAmountKzt: 1000 * mrp })).toContain('simplified-procedure-money-claim');
    expect(rules('kz-civil-contract', { claimAmountKzt: 1000 * mrp + 1 })).not.toContain('simplified-procedure-money-claim');
    const advice = service.advise('kz-civil-contract', { claimAmountKzt: 500_000 }).find((a) => a.rule === 'simplified-procedure-money-claim')!;
    expect(advice.citations.map((c) => c.article)).toEqual(['ч. 1 ст. 267-2 ГПК РК', 'ч. 2 ст. 267-1 ГПК РК']);
    expect(advice.citations[0]!.text).toMatch(/^1\. В порядке упрощенного \(письменного\) производства.*одной тысячи месячных расчетных показателей/s);
  });

  it('simplified procedure regardless of the amount when documents establish the debt', () => {
    expect(rules('kz-civil-contract', { claimAmountKzt: 1e9, documents: ['contract', 'reconciliation-act'] })).toContain('simplified-procedure-documents');
    expect(rules('kz-civil-contract', { claimAmountKzt: 1e9, documents: ['contract', 'claim-letter'] })).not.toContain('simplified-procedure-documents');
  });

  it('the general limitation period of three years, only past 36 months', () => {
    expect(rules('kz-civil-contract', { claimAmountKzt: 1e9, monthsSinceBreach: 37 })).toContain('limitation-period-expired');
    expect(rules('kz-civil-contract', { claimAmountKzt: 1e9, monthsSinceBreach: 36 })).not.toContain('limitation-period-expired');
    expect(rules('kz-civil-contract', { claimAmountKzt: 1e9, monthsSinceBreach: null })).not.toContain('limitation-period-expired');
    const limitation = service.advise('kz-civil-contract', { monthsSinceBreach: 40 }).find((a) => a.rule === 'limitation-period-expired')!;
    expect(limitation.citations[0]).toMatchObject({ article: 'ч. 1 ст. 178 ГК РК', text: '1. Общий срок исковой давности устанавливается в три года.' });
  });

  it('appeal deadlines by case type: one month civil, fifteen days criminal', () => {
    expect(rules('kz-civil-contract', {})).toEqual(['civil-appeal-deadline']);
    const criminal = service.advise('kz-criminal', { article: '188', part: 1 });
    expect(criminal.map((a) => a.rule)).toEqual(['criminal-appeal-deadline']);
    expect(criminal[0]!.citations[0]!.text).toMatch(/в течение пятнадцати суток со дня провозглашения приговора/);
    expect(rules('ussc-sentencing', {})).toEqual([]);
  });

  it('conditions combine with all, any and not', () => {
    const facts = { a: 5, b: ['x'] } as never;
    expect(holds({ all: [{ field: 'a', gt: 4 }, { field: 'b', includesAny: ['x'] }] }, facts, mrp)).toBe(true);
    expect(holds({ any: [{ field: 'a', gt: 5 }, { field: 'a', is: 6 }] }, facts, mrp)).toBe(false);
    expect(holds({ not: { field: 'missing', is: 1 } }, facts, mrp)).toBe(true);
  });
});

describe.skipIf(!sharedDataDir)('the procedure asset against the codes', () => {
  announceSkipIfMissing('procedure asset');
  it('holds exactly the texts scripts/extract-statutes.ts extracts', () => {
    const legal = join(sharedDataDir!, 'legal');
    for (const book of loadProcedureBooks()) expect(fillProcedureTexts(book, (f) => readCodeText(legal, f))).toEqual(book);
    expect(readFileSync(join(defaultProcedureDir(), 'kz-procedure.v1.json'), 'utf8')).toContain('267-2');
  });
});
