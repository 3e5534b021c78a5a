import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseReview, Finding } from '../../main/contract/index.ts';
import { openWorkstation } from '../../main/services/workstation.ts';
import { cmcDraft } from '../services/findings/fixtures.ts';
import { makePng } from '../helpers/workstation.ts';
import { runDalel, seedCaseWithScans } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const adminPassword = 'admin password 1';
const expertPassword = 'expert password 1';

describe('dalel findings and review', () => {
  const temp = useTempDir();

  const dalel = (args: string[], stdin = `${expertPassword}\n`) => runDalel(join(temp.dir, 'data'), args, stdin);

  /** An expert, a case 7-2026 with two scans, and two model findings recorded as an analysis module would. */
  async function seed(): Promise<Finding[]> {
    await seedCaseWithScans(dalel, temp.dir, { adminPassword, expertPassword, other: { username: 'judge', displayName: 'Judge', role: 'judge' } });
    const ws = openWorkstation({ dataDir: join(temp.dir, 'data') });
    try {
      const theCase = ws.cases.resolve('7-2026');
      const evidenceIds = ws.evidence.list(theCase.id).map((e) => e.id);
      const expert = ws.users.list().find((u) => u.username === 'expert')!;
      const admin = ws.users.list().find((u) => u.username === 'admin')!;
      // This laboratory lets one expert verify and sign alone (the default requires a second expert's technical review).
      ws.settings.update({ technicalReviewRequired: false }, { userId: admin.id, username: 'admin', role: 'administrator' });
      return ws.findings.addModelFindings(theCase.id, crypto.randomUUID(), [cmcDraft(evidenceIds), cmcDraft(evidenceIds, 3)], { userId: expert.id, username: 'expert', role: 'expert' });
    } finally {
      ws.close();
    }
  }

  it('lists findings, accepts and amends by id prefix with reasons, verifies and signs with re-authentication', async () => {
    const [first, second] = await seed();
    const listed = await dalel(['--json', '--user', 'expert', 'findings', 'list', '--case', '7-2026']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as Finding[]).map((f) => f.id)).toEqual([first!.id, second!.id]);
    expect((await dalel(['--user', 'expert', 'findings', 'list', '--case', '7-2026'])).out).toMatch(/cmc-comparison\s+model\s+cmc\.count=19, cmc\.consensus\.theta=-1\.5 deg\s+identification\s+undecided/);

    const noReason = await dalel(['--user', 'expert', 'review', '--case', '7-2026', '--finding', second!.id, '--reject']);
    expect(noReason).toMatchObject({ code: 1 });
    expect(noReason.err).toMatch(/reason is required to reject/);
    expect((await dalel(['--user', 'judge', 'review', '--case', '7-2026', '--finding', first!.id, '--accept'])).err).toMatch(/may not use findings.review/);
    expect((await dalel(['--user', 'expert', 'review', '--case', '7-2026', '--finding', first!.id, '--accept', '--reject'])).err).toMatch(/exactly one of/);

    const accepted = await dalel(['--user', 'expert', 'review', '--case', '7-2026', '--finding', first!.id.slice(0, 8), '--accept']);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/accepted\.\nCase 7-2026: state draft; 1 of 2 findings decided/);
    const measurements = JSON.stringify([{ key: 'cmc.count', value: 2, unit: null, threshold: { value: 6, rule: '>=' } }]);
    const amended = await dalel(['--json', '--user', 'expert', 'review', '--case', '7-2026', '--finding', second!.id, '--amend', '--reason', 'two cells on the firing-pin aperture', '--measurements', measurements, '--conclusion', 'inconclusive']);
    expect(amended.code).toBe(0);
    const outcome = JSON.parse(amended.out) as { finding: Finding; amendment: Finding; review: CaseReview };
    expect(outcome.amendment).toMatchObject({ origin: 'model-edited', supersedes: second!.id, conclusion: 'inconclusive' });
    expect(outcome.review).toMatchObject({ state: 'draft', findingsTotal: 2, findingsDecided: 2 });
    const after = JSON.parse((await dalel(['--json', '--user', 'expert', 'findings', 'list', '--case', '7-2026'])).out) as Finding[];
    expect(after.map((f) => [f.origin, f.supersededBy])).toEqual([['model', null], ['model', outcome.amendment.id], ['model-edited', null]]);

    expect((await dalel(['--user', 'expert', 'review', 'sign', '--case', '7-2026', '--meaning', 'approved'])).err).toMatch(/Cannot sign a case that is draft/);
    // Review policy: deciding every finding did not submit the case; submitting is its own command.
    expect((await dalel(['--user', 'expert', 'review', 'submit', '--case', '7-2026'])).out).toMatch(/state in-review/);
    expect((await dalel(['--user', 'expert', 'review', 'verify', '--case', '7-2026'])).out).toMatch(/state verified/);
    expect((await dalel(['--user', 'expert', 'review', 'sign', '--case', '7-2026', '--meaning', 'approved'], 'wrong password\n')).code).toBe(1);
    const signed = await dalel(['--json', '--user', 'expert', 'review', '--case', '7-2026', 'sign', '--meaning', 'approved']);
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.out)).toMatchObject({ state: 'signed', signatures: [{ username: 'expert', meaning: 'approved', current: true }] });
    expect((await dalel(['--user', 'expert', 'review', 'reopen', '--case', '7-2026'])).err).toMatch(/needs a reason/);
    expect((await dalel(['--user', 'expert', 'review', 'show', '--case', '7-2026'])).out).toMatch(/state signed.*\nsigned by expert \(approved/);
    expect(JSON.parse((await dalel(['--json', '--user', 'expert', 'review', 'queue', '--state', 'signed'])).out)).toHaveLength(1);
    // Signed must mean frozen: evidence is refused up front with the reason, nothing stored.
    const late = join(temp.dir, 'late.png');
    writeFileSync(late, makePng(8, 8, 9));
    const refused = await dalel(['--user', 'expert', 'evidence', 'add', '--case', '7-2026', late]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/1 of 1 files were refused/);
    expect(refused.out).toMatch(/Cannot add late\.png: the case is signed; an expert must reopen it first \(with a reason\)/);
  }, 240_000); // some twenty runs, each logging in with the production password hashing

  it('prints help for the new commands', async () => {
    for (const path of [['findings'], ['findings', 'list'], ['review'], ['review', 'sign'], ['review', 'queue']]) {
      const result = await dalel([...path, '--help'], '');
      expect(result.code, path.join(' ')).toBe(0);
      expect(result.out, path.join(' ')).toMatch(/Usage: dalel/);
    }
  });
});
