import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/workstation.ts';
import { useAuditedWorkstation } from '../../helpers/audit.ts';

describe('audit trail listing: who and what in words', () => {
  const ctx = useAuditedWorkstation();

  it('gives the display name, case number, file name and account concerned, without changing stored entries', async () => {
    const { ws } = ctx.env;
    const before = ws.audit.list({ limit: 1000 }).map((r) => Buffer.from(r.bytes).toString('utf8'));
    const trail = await call(ws, ctx.clients.clerk, 'audit.entries', { limit: 1000 });
    const received = trail.entries.find((e) => e.action === 'evidence.received')!;
    expect(received).toMatchObject({ actorName: 'A expert', caseNumber: 'A-1/2026', evidenceName: 'a.png' });
    const created = trail.entries.find((e) => e.action === 'user.created' && e.subjectUserName === 'A judge')!;
    expect(created.actorName).toBe('Administrator');
    // The workstation's own entries have no actor name; the stored canonical entries are exactly as signed.
    expect(trail.entries.filter((e) => e.actor === null).every((e) => e.actorName === null)).toBe(true);
    expect(trail.entries.map((e) => e.entry)).toEqual(before.slice(0, trail.entries.length));
  });
});
