import { describe, expect, it } from 'vitest';
import { cosign, ed25519CosignatureType, formatVerifierKey, noteSigner, parseNote } from '../../../main/services/audit/note.ts';
import { retentionFacts } from '../../../main/services/audit/retention.ts';
import { call } from '../../helpers/workstation.ts';
import { useAuditedWorkstation } from '../../helpers/audit.ts';

describe('the retention view', () => {
  const ctx = useAuditedWorkstation();

  it('gives administrators the log size, growth per month and the oldest witnessed checkpoint; nobody else', async () => {
    const { ws, clock } = ctx.env;
    const actor = { userId: 'u', username: 'bulk', role: 'clerk' as const };
    const first = ws.checkpoints.sign('first');
    const now = await call(ws, ctx.clients.administrator, 'audit.retention', {});
    expect(now.entries).toBe(ws.audit.size());
    expect(now.months).toEqual([{ month: '2026-11', entries: ws.audit.size() }]);
    expect(await ws.dispatcher.invoke(ctx.clients.clerk, 'audit.retention', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const november = ws.audit.size();
    clock.advance(5 * 24 * 3600_000); // into December
    ws.audit.appendAll(Array.from({ length: 30 }, (_, i) => ({ action: 'bulk.item', actor, details: { i } })));
    clock.advance(40 * 24 * 3600_000); // into January
    ws.audit.appendAll(Array.from({ length: 7 }, (_, i) => ({ action: 'bulk.item', actor, details: { i } })));
    // The sessions lock after the months that passed: the facts are read as the channel reads them.
    const before = retentionFacts(ws.db);
    expect(before.oldestWitnessed).toBeNull();
    expect(before.oldestCheckpoint).toMatchObject({ checkpointId: first.id, size: first.size });

    const witnessed = ws.checkpoints.sign('for witness');
    const witness = noteSigner('notary.kz/witness', new Uint8Array(32).fill(3));
    const witnessKey = formatVerifierKey(witness.name, ed25519CosignatureType, witness.publicKey);
    const note = witnessed.note + cosign(parseNote(witnessed.note).text, witness, 1_795_000_000n);
    ws.checkpoints.importCosignature(note, witnessKey);

    const facts = retentionFacts(ws.db);
    expect(facts.entries).toBe(ws.audit.size());
    expect(facts.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(facts.months[0]!.entries).toBe(november);
    expect(facts.months[1]!.entries).toBe(30);
    expect(facts.months.reduce((n, m) => n + m.entries, 0)).toBe(facts.entries);
    expect(facts.oldestWitnessed).toMatchObject({ checkpointId: witnessed.id, witness: 'notary.kz/witness', witnessedAt: new Date(1_795_000_000_000).toISOString() });
    expect(facts.databaseBytes).toBeGreaterThan(0);
    expect(facts.entryBytesEstimate).toBeGreaterThan(facts.entries * 50);
  });
});
