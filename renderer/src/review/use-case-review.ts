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
