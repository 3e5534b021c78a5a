/** Registered-model fixtures for the corpus screens' tests. */
import type { RegisteredModelView } from '../../../main/contract/index.ts';

/** A 64-character hash made of one repeated hex digit. */
export const sha = (c: string) => c.repeat(64);

/** A retrained kz-criminal punishment model, a candidate that passed its gate (30 Nov 2026), with `overrides` applied. */
export function registeredModel(overrides: Partial<RegisteredModelView> = {}): RegisteredModelView {
  return {
    sha256: sha('a'),
    caseType: 'kz-criminal',
    caseTypeVersion: '1',
    outcome: 'punishment',
    status: 'candidate',
    statusReason: '',
    statusAt: '2026-11-30T10:00:00.000Z',
    trainedAt: '2026-11-30T09:00:00.000Z',
    dataSnapshotSha256: null,
    dataRecords: 1000,
    origin: 'retrained',
    gate: { passed: true, reasons: [], details: [], comparedWith: null, candidate: {}, active: null },
    ...overrides,
  };
}
