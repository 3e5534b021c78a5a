import { useCallback } from 'react';
import type { CaseReview, Finding } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { useLoaded, type Loaded } from '../common/use-loaded.ts';

/** A case's findings and its review state, loaded together so progress and rows never disagree. */
export function useCaseReview(caseId: string): Loaded<{ readonly findings: readonly Finding[]; readonly review: CaseReview }> {
  const api = useApi();
  const load = useCallback(async () => {
    const [findings, review] = await Promise.all([call(api, 'findings.list', { caseId }), call(api, 'review.get', { caseId })]);
    return { findings, review };
  }, [api, caseId]);
  return useLoaded(load);
}

/** The findings an expert decides on: those not replaced by an amendment, in list order. */
export function currentFindings(findings: readonly Finding[]): readonly Finding[] {
  return findings.filter((f) => f.supersededBy === null);
}

/** The findings in the order the panel lists them: those of `runId` first, where one is given. */
export function panelOrder(findings: readonly Finding[], runId: string | null): { readonly ofRun: readonly Finding[]; readonly others: readonly Finding[] } {
  const rows = currentFindings(findings);
  if (runId === null) return { ofRun: [], others: rows };
  return { ofRun: rows.filter((f) => f.runId === runId), others: rows.filter((f) => f.runId !== runId) };
}
