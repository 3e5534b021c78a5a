import type { Case, Role } from '../../../main/contract/index.ts';
import type { FindingDraft } from '../../../main/services/findings/finding-draft.ts';
import type { Actor } from '../../../main/services/sessions.ts';
import { auditedWorkstation } from '../../helpers/audit.ts';
import { call, makePng, password, type testWorkstation } from '../../helpers/workstation.ts';

/** A CMC-like finding draft on the given evidence items, with one overlay. */
export function cmcDraft(evidenceIds: readonly string[], cmcCount = 19, overlaySeed = 3): FindingDraft {
  return {
    module: 'ballistics.cartridge-case',
    kind: 'cmc-comparison',
    evidenceIds,
    measurements: [
      { key: 'cmc.count', value: cmcCount, unit: null, threshold: { value: 6, rule: '>=' } },
      { key: 'cmc.consensus.theta', value: -1.5, unit: 'deg', threshold: null },
    ],
    conclusion: cmcCount >= 6 ? 'identification' : 'inconclusive',
    provenance: {
      algorithm: 'cmc',
      version: '1.0.0',
      modelSha256: null,
      parameters: { cellGrid: 8, ccfMin: 0.5, thetaStepDeg: 3 },
      inputs: [{ name: 'fadul1-1.x3p', sha256: 'a'.repeat(64), evidenceId: evidenceIds[0] ?? null }],
      software: { opencv: '4.10.0' },
    },
    overlays: [{ name: 'cells-a.png', mediaType: 'image/png', bytes: makePng(6, 6, overlaySeed) }],
  };
}

/** The audited test workstation plus a second expert, and each role's actor. */
export async function findingsWorkstation(): Promise<{
  env: ReturnType<typeof testWorkstation>;
  clients: Record<Role, string> & { expert2: string };
  theCase: Case;
  other: Case;
  evidenceIds: string[];
  actors: { expert: Actor; expert2: Actor };
}> {
  const { env, clients, theCase, other } = await auditedWorkstation();
  const { ws } = env;
  await call(ws, clients.administrator, 'users.add', { username: 'expert2', displayName: 'Second Expert', role: 'expert', password });
  await call(ws, 'expert2-client', 'auth.login', { username: 'expert2', password });
  const users = ws.users.list();
  const actor = (username: string): Actor => {
    const user = users.find((u) => u.username === username)!;
    return { userId: user.id, username: user.username, role: user.role };
  };
  const evidenceIds = (await call(ws, clients.expert, 'evidence.list', { caseId: theCase.id })).map((e) => e.id);
  return { env, clients: { ...clients, expert2: 'expert2-client' }, theCase, other, evidenceIds, actors: { expert: actor('expert'), expert2: actor('expert2') } };
}
