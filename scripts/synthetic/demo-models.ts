/**
 * The demo models a fresh workstation ships with, trained on synthetic cases: kz-criminal (one per outcome) and
 * kz-civil-contract (whether the claim is satisfied, on version 1.0.0; the award as a share of the claim, on 1.1.0),
 * each with its training corpus as precedents. Deterministic: the same code gives the same model.onnx.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { precedentCorpus, type PrecedentCorpus } from '../../main/services/decision/precedents.ts';
import { StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';
import { trainingLawfulRanges } from '../../main/services/decision/lawful-ranges.ts';
import { trainCaseType, type CaseTypeTraining } from '../../models/ebm/train-case-type.ts';
import { civilAwardColumns, civilColumns, generateKzCivilAwards, generateKzCivilContract } from './kz-civil-contract-generator.ts';
import { casesToCsv, generateKzCriminal } from './kz-criminal-generator.ts';

/** One shipped demo model. */
export interface DemoModelSpec {
  readonly folder: string;
  readonly caseType: string;
  /** The case type's version (the newest when absent): a model stays on the version it was built for. */
  readonly caseTypeVersion?: string;
  readonly outcome: string;
  readonly cases: number;
  readonly seed: number;
  /** Pairwise interactions to look for (the training default when absent). */
  readonly interactions?: number;
}

/** The demo models: the punishment type and the term on the same generated cases; the claim's outcome and its award. */
export const demoModelSpecs: readonly DemoModelSpec[] = [
  { folder: 'kz-criminal-punishment-demo', caseType: 'kz-criminal', outcome: 'punishment', cases: 8000, seed: 20250701 },
  { folder: 'kz-criminal-term-demo', caseType: 'kz-criminal', outcome: 'term-months', cases: 8000, seed: 20250701 },
  { folder: 'kz-civil-contract-satisfaction-demo', caseType: 'kz-civil-contract', caseTypeVersion: '1.0.0', outcome: 'satisfaction', cases: 6000, seed: 20250702 },
  // The same claims (same seed) with the two facts of 1.1.0; trained on the satisfied ones only (the outcome's `when`).
  { folder: 'kz-civil-contract-award-demo', caseType: 'kz-civil-contract', caseTypeVersion: '1.1.0', outcome: 'award-fraction', cases: 6000, seed: 20250702 },
];

/** The generated cases of a spec as CSV text. */
export function demoCsv(spec: DemoModelSpec): { csv: string; refs: string[] } {
  if (spec.caseType === 'kz-civil-contract' && spec.caseTypeVersion === '1.1.0') {
    const cases = generateKzCivilAwards(spec.cases, spec.seed);
    return { csv: casesToCsv(cases, civilAwardColumns), refs: cases.map((c) => String(c.caseRef)) };
  }
  if (spec.caseType === 'kz-civil-contract') {
    const cases = generateKzCivilContract(spec.cases, spec.seed);
    return { csv: casesToCsv(cases, civilColumns), refs: cases.map((c) => String(c.caseRef)) };
  }
  const cases = generateKzCriminal(StatutoryBoundsService.open(null), spec.cases, spec.seed);
  return { csv: casesToCsv(cases), refs: cases.map((c) => String(c.caseRef)) };
}

/** The fixed creation time written into demo model cards, so a rebuild gives the same card apart from timing. */
export const demoCreatedAt = new Date('2025-07-01T00:00:00Z');

/** Rolling-origin folds on each demo card: tested on 2021, 2022 and 2023, before the held-out cases from 2024. */
export const demoBacktestFolds = 3;

/** Generates the cases and trains one demo model (work: a scratch folder for the CSV). */
export function trainDemoModel(spec: DemoModelSpec, work: string): { trained: CaseTypeTraining; precedents: PrecedentCorpus } {
  const caseType = findCaseType(loadCaseTypes(), spec.caseType, spec.caseTypeVersion);
  const { csv, refs } = demoCsv(spec);
  const file = join(work, `${spec.caseType}${spec.caseTypeVersion === '1.1.0' ? '-v1.1.0' : ''}-synthetic-seed${spec.seed}.csv`);
  writeFileSync(file, csv);
  const trained = trainCaseType({ caseType, file, outcome: spec.outcome, synthetic: true, now: demoCreatedAt, backtestFolds: demoBacktestFolds, lawfulRanges: trainingLawfulRanges(caseType, StatutoryBoundsService.open(null)), options: { seed: spec.seed, ...(spec.interactions !== undefined ? { interactions: spec.interactions } : {}) } });
  return { trained, precedents: precedentCorpus(caseType, trained.data, (line) => refs[line - 2]) };
}
