import { beforeEach, describe, expect, it } from 'vitest';
import type { Case, Role } from '../../../main/contract/index.ts';
import { AuditLog } from '../../../main/services/audit/audit-log.ts';
import { canonicalText } from '../../../core/canonical-json.ts';
import { hashLeaf, MemoryTree, verifyConsistency, verifyInclusion } from '../../../main/services/audit/merkle.ts';
import { call } from '../../helpers/workstation.ts';
import { useAuditedWorkstation } from '../../helpers/audit.ts';

describe('audit log', () => {
  const ctx = useAuditedWorkstation();
  let clients: Record<Role, string>;
  let theCase: Case;
  beforeEach(() => {
    clients = ctx.clients;
    theCase = ctx.theCase;
  });

  const entries = () => ctx.env.ws.audit.list().map((r) => JSON.parse(Buffer.from(r.bytes).toString('utf8')) as Record<string, unknown>);

  it('records every action with actor, subjects and hashes', async () => {
    const actions = entries().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'auth.login', 'case.created', 'evidence.received']));
    const received = entries().find((e) => e.action === 'evidence.received') as { actor: { username: string; role: string }; subjects: Record<string, string>; inputs: Record<string, string> };
    expect(received.actor).toMatchObject({ username: 'expert', role: 'expert' });
    expect(received.subjects.caseId).toBe(theCase.id);
    expect(received.inputs.evidence).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records consultations, refused passwords and lock-outs', async () => {
    await call(ctx.env.ws, clients.judge, 'cases.get', { caseId: theCase.id });
    await ctx.env.ws.dispatcher.invoke('x', 'auth.login', { username: 'judge', password: 'wrong password' });
    const list = entries();
    expect(list.find((e) => e.action === 'case.consulted')).toMatchObject({ actor: { username: 'judge' }, subjects: { caseId: theCase.id } });
    expect(list.find((e) => e.action === 'auth.password-refused')).toMatchObject({ actor: { username: 'judge' }, details: { purpose: 'login' } });
  });

  it('links each custody event to its audit entry', async () => {
    const rows = ctx.env.ws.db.prepare('SELECT c.action, a.action AS audited FROM custody_events c JOIN audit_entries a ON a.seq = c.audit_seq').all();
    expect(rows).toEqual([
      { action: 'received', audited: 'evidence.received' },
      { action: 'received', audited: 'evidence.received' },
    ]);
  });

  it('stores canonical JSON exactly as written, with sequence numbers equal to positions', () => {
    ctx.env.ws.audit.list().forEach((row, i) => {
      const text = Buffer.from(row.bytes).toString('utf8');
      expect(canonicalText(JSON.parse(text))).toBe(text);
      expect(JSON.parse(text).seq).toBe(i);
      expect(row.seq).toBe(i);
    });
  });

  it('refuses updates and deletes at the database level', () => {
    // 256 entries complete a tile, whose hash is the first stored node.
    ctx.env.ws.audit.appendAll(Array.from({ length: 256 }, (_, i) => ({ action: 'bulk.item', actor: null, details: { i } })));
    expect(ctx.env.ws.db.prepare('SELECT COUNT(*) FROM audit_nodes').pluck().get()).toBeGreaterThan(0);
    expect(() => ctx.env.ws.db.exec("UPDATE audit_entries SET action = 'x' WHERE seq = 0")).toThrow(/append-only/);
    expect(() => ctx.env.ws.db.exec('DELETE FROM audit_entries')).toThrow(/append-only/);
    expect(() => ctx.env.ws.db.exec('DELETE FROM audit_nodes')).toThrow(/append-only/);
  });

  it('keeps stored subtrees that give the same roots and proofs as a tree rebuilt from the entries', () => {
    const log = ctx.env.ws.audit;
    const tree = new MemoryTree();
    for (const row of log.list()) tree.appendLeafHash(hashLeaf(row.bytes));
    const size = log.size();
    for (let n = 1; n <= size; n += 1) expect(Buffer.from(log.root(n)).equals(Buffer.from(tree.root(n)))).toBe(true);
    for (let seq = 0; seq < size; seq += 1) {
      expect(verifyInclusion(seq, size, hashLeaf(log.entryBytes(seq)), log.inclusionProof(seq, size), tree.root())).toBeNull();
    }
    expect(verifyConsistency(3, size, log.consistencyProof(3, size), tree.root(3), tree.root())).toBeNull();
  });

  it('reads pages of entries and leaf hashes that equal the entries read one by one, zero bytes and odd ends included', () => {
    const log = ctx.env.ws.audit;
    // Enough entries for leaf hashes holding zero bytes and for several pages, with lengths of one to five digits.
    log.appendAll(Array.from({ length: 700 }, (_, i) => ({ action: 'bulk.item', actor: null, details: { text: 'x'.repeat((i * 37) % 12_000) } })));
    const size = log.size();
    const rows = [...log.iterate(0, size, 5000, true)];
    for (const [from, to, pageSize] of [
      [0, size, 256],
      [3, size, 100],
      [0, size, 4096],
    ] as const) {
      let seq = from;
      for (const page of log.pages(from, to, pageSize)) {
        expect(page.first).toBe(seq);
        for (let k = 0; k < page.count; k += 1, seq += 1) {
          expect(Buffer.from(page.joined.subarray(page.starts[k], page.starts[k + 1]! - 1)).equals(Buffer.from(rows[seq]!.bytes))).toBe(true);
          expect(Buffer.from(page.leaves.subarray(k * 32, k * 32 + 32)).equals(Buffer.from(rows[seq]!.leaf))).toBe(true);
        }
      }
      expect(seq).toBe(to);
    }
    expect(rows.some((r) => r.leaf.includes(0))).toBe(true);
    expect(() => [...log.pages(size - 2, size + 1)]).toThrow(`audit log entries ${size - 2}…${size} are not all stored`);
  });

  it('appends a batch in one transaction: all or nothing', () => {
    const log = ctx.env.ws.audit;
    const before = log.size();
    const actor = { userId: 'u', username: 'bulk', role: 'expert' as const };
    expect(() => log.appendAll([{ action: 'bulk.one', actor }, { action: 'bulk.two', actor, details: { bad: 1.5 } }])).toThrow(/integers only/);
    expect(log.size()).toBe(before);
    expect(log.appendAll(Array.from({ length: 100 }, (_, i) => ({ action: 'bulk.item', actor, details: { i } })))).toHaveLength(100);
    expect(log.size()).toBe(before + 100);
  });

  it('keeps a correct tree when another process appends after a rolled-back append', () => {
    const { ws } = ctx.env;
    const other = new AuditLog(ws.db, ctx.env.clock, ws.id); // a second writer, as the CLI beside the app
    const actor = { userId: 'u', username: 'x', role: 'clerk' as const };
    ws.audit.append({ action: 'warm.up', actor });
    expect(() =>
      ws.db.transaction(() => {
        ws.audit.append({ action: 'rolled.back', actor });
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    other.append({ action: 'from.the.other.process', actor });
    ws.audit.append({ action: 'after', actor });
    const tree = new MemoryTree();
    for (const row of ws.audit.list()) tree.appendLeafHash(hashLeaf(row.bytes));
    expect(Buffer.from(ws.audit.root()).equals(Buffer.from(tree.root()))).toBe(true);
    expect(ws.audit.list().map((r) => r.action).slice(-2)).toEqual(['from.the.other.process', 'after']);
  });

  it('rolls the audit entry back with the change it records', async () => {
    const before = ctx.env.ws.audit.size();
    const clash = await ctx.env.ws.dispatcher.invoke(clients.expert, 'cases.create', { number: theCase.number, venue: 'x', caseType: 'criminal', parties: '' });
    expect(clash.ok).toBe(false);
    expect(ctx.env.ws.audit.size()).toBe(before);
  });

  it('lets only clerks and administrators read the trail', async () => {
    expect((await ctx.env.ws.dispatcher.invoke(clients.clerk, 'audit.entries', { caseId: theCase.id })).ok).toBe(true);
    expect(await ctx.env.ws.dispatcher.invoke(clients.expert, 'audit.entries', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const page = await call(ctx.env.ws, clients.clerk, 'audit.entries', { caseId: theCase.id });
    expect(page.entries.map((e) => e.action)).toEqual(['case.created', 'evidence.received', 'evidence.received']);
  });

  it('has no channel or command that appends arbitrary entries', async () => {
    const { requestChannels } = await import('../../../main/contract/index.ts');
    const names = Object.keys(requestChannels);
    // settings.update changes the workstation's settings; the entries it appends are fixed 'settings.changed' records.
    expect(names.filter((n) => /append|write|update|delete/i.test(n))).toEqual(['settings.update']);
  });
});
