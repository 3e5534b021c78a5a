import { describe, expect, it } from 'vitest';
import { formatVerifierKey, ed25519CosignatureType, ed25519NoteType, cosign, noteSigner, parseNote, parseVerifierKey, verifyNoteSignature, parseCheckpoint } from '../../../main/services/audit/note.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBundle } from '../../../main/services/audit/bundle-export.ts';
import { folderSource, verifyBundle } from '../../../main/services/audit/bundle-verify.ts';
import { auditOrigin } from '../../../main/services/audit/keyring.ts';
import { call } from '../../helpers/workstation.ts';
import { keyPassphrase, useAuditedWorkstation } from '../../helpers/audit.ts';

describe('checkpoints and the signing key', () => {
  const ctx = useAuditedWorkstation();

  it('signs a C2SP checkpoint of the whole log with the workstation key', () => {
    const { ws } = ctx.env;
    const checkpoint = ws.checkpoints.sign('test');
    const note = parseNote(checkpoint.note);
    expect(parseCheckpoint(note.text)).toEqual({ origin: ws.keyring.origin, size: ws.audit.size(), root: ws.audit.root() });
    expect(verifyNoteSignature(note.text, note.signatures[0]!, parseVerifierKey(ws.keyring.activeKey()!.verifierKey))).toBe(true);
  });

  it('signs periodically only when entries arrived and a minute has passed', async () => {
    const { ws } = ctx.env;
    const first = ws.checkpoints.signIfDue();
    expect(first?.reason).toBe('periodic');
    expect(ws.checkpoints.signIfDue()).toBeNull(); // nothing new
    await call(ws, ctx.clients.judge, 'cases.get', { caseId: ctx.theCase.id });
    expect(ws.checkpoints.signIfDue()).toBeNull(); // too soon
    ctx.env.clock.advance(60_001);
    expect(ws.checkpoints.signIfDue()?.size).toBe(ws.audit.size());
  });

  it('refuses to sign a history that rewrites an earlier checkpoint', () => {
    const { ws } = ctx.env;
    ws.checkpoints.sign('before');
    // Simulate an attacker with database access: drop the guard and rewrite an entry's leaf. The nodes above it are
    // recomputed from the leaves (only tile-level nodes are stored, and this log has fewer than 256 entries), as a
    // careful forger would have them.
    ws.db.exec('DROP TRIGGER audit_entries_no_update');
    ws.db.prepare('UPDATE audit_entries SET leaf_hash = ? WHERE seq = 0').run(Buffer.alloc(32, 1));
    ws.audit.forgetCachedNodes();
    ws.audit.append({ action: 'after.rewrite', actor: null });
    expect(() => ws.checkpoints.sign('after')).toThrow(/not consistent with checkpoint/);
  });

  it('keeps the key sealed at rest and needs the passphrase after a restart', async () => {
    const { ws } = ctx.env;
    const row = ws.db.prepare('SELECT sealed_seed, sealer FROM audit_keys').get() as { sealed_seed: Buffer; sealer: string };
    expect(row.sealer).toBe('passphrase');
    expect(row.sealed_seed.subarray(0, 4).toString()).toBe('DLPS');
    ws.keyring.lock();
    expect(() => ws.checkpoints.sign('locked')).toThrow(/signing key is locked/);
    const wrong = await ws.dispatcher.invoke(ctx.clients.clerk, 'audit.unlockKey', { passphrase: 'not the passphrase at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    const status = await call(ws, ctx.clients.clerk, 'audit.unlockKey', { passphrase: keyPassphrase });
    expect(status.keyUnlocked).toBe(true);
    expect(await ws.dispatcher.invoke(ctx.clients.expert, 'audit.unlockKey', { passphrase: keyPassphrase })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('rotates the key: logged, old checkpoints stay verifiable by the retired key', async () => {
    const { ws } = ctx.env;
    const before = ws.checkpoints.sign('before rotation');
    const oldKey = ws.keyring.activeKey()!;
    const status = await call(ws, ctx.clients.administrator, 'audit.rotateKey', { newPassphrase: 'the next long passphrase' });
    expect(status.key?.keyId).not.toBe(oldKey.keyId);
    expect(ws.keyring.allKeys().map((k) => k.keyId)).toEqual(expect.arrayContaining([oldKey.keyId, status.key!.keyId]));
    const rotation = ws.audit.list({ action: 'audit.key-rotated' });
    expect(rotation).toHaveLength(1);
    const note = parseNote(before.note);
    expect(verifyNoteSignature(note.text, note.signatures[0]!, parseVerifierKey(oldKey.verifierKey))).toBe(true);
    expect(status.latestCheckpoint?.keyId).toBe(status.key?.keyId);
    expect(await ws.dispatcher.invoke(ctx.clients.clerk, 'audit.rotateKey', { newPassphrase: 'the next long passphrase' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the log origin names the workstation, not a domain; a rename takes effect at the next key rotation and old bundles keep verifying', async () => {
    const { ws } = ctx.env;
    const out = mkdtempSync(join(tmpdir(), 'dalel-origin-'));
    try {
      expect(ws.keyring.origin).toBe(`Dalel-workstation/audit/${ws.id}`);
      expect(ws.keyring.origin).not.toContain('dalel.kz');
      const clerk = { userId: 'c', username: 'clerk', role: 'clerk' as const };
      const deps = { log: ws.audit, checkpoints: ws.checkpoints, keyring: ws.keyring };
      const before = await exportBundle(deps, { scope: 'all' }, clerk, join(out, 'a'));
      const oldKey = ws.keyring.activeKey()!.verifierKey;

      await call(ws, ctx.clients.administrator, 'settings.update', { workstationName: 'Алматы сот+сараптама  №1' });
      // The signed log keeps its origin until the key changes: checkpoints now still carry the old one.
      let status = await call(ws, ctx.clients.clerk, 'audit.status', {});
      expect(status.origin).toBe(`Dalel-workstation/audit/${ws.id}`);
      expect(status.nextOrigin).toBe(`Алматы-сотсараптама-№1/audit/${ws.id}`);
      await call(ws, ctx.clients.judge, 'cases.get', { caseId: ctx.theCase.id });
      expect(parseCheckpoint(parseNote(ws.checkpoints.sign('after rename').note).text).origin).toBe(`Dalel-workstation/audit/${ws.id}`);

      status = await call(ws, ctx.clients.administrator, 'audit.rotateKey', { newPassphrase: 'the next long passphrase' });
      expect(status.origin).toBe(`Алматы-сотсараптама-№1/audit/${ws.id}`);
      expect(status.key?.verifierKey.startsWith(`Алматы-сотсараптама-№1/audit/${ws.id}+`)).toBe(true);
      expect(parseCheckpoint(parseNote(status.latestCheckpoint!.note).text).origin).toBe(status.origin);
      expect(JSON.parse(Buffer.from(ws.audit.list({ action: 'audit.key-rotated' })[0]!.bytes).toString('utf8'))).toMatchObject({ details: { origin: status.origin } });

      // The bundle handed out before still verifies with the key it was signed with; a new one with the new key.
      expect(verifyBundle(folderSource(before.folder), { trustedKeys: [oldKey] }).problems).toEqual([]);
      const after = await exportBundle(deps, { scope: 'all' }, clerk, join(out, 'b'));
      const report = verifyBundle(folderSource(after.folder), { trustedKeys: [status.key!.verifierKey] });
      expect(report.problems).toEqual([]);
      expect(report.origin).toBe(status.origin);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('makes a valid C2SP key name of any workstation name', () => {
    expect(auditOrigin('  Lab 3 + annex\t', 'id')).toBe('Lab-3-annex/audit/id');
    expect(auditOrigin('+++', 'id')).toBe('workstation/audit/id');
    expect(auditOrigin('a/b', 'id')).toBe('a-b/audit/id');
    expect(() => noteSigner(auditOrigin('Қарағанды   зертхана', 'x'), new Uint8Array(32))).not.toThrow();
  });

  it('imports a witness cosignature only when it verifies over one of its own checkpoints', async () => {
    const { ws } = ctx.env;
    const checkpoint = ws.checkpoints.sign('for witness');
    const witness = noteSigner('notary.kz/witness', new Uint8Array(32).fill(3));
    const witnessKey = formatVerifierKey(witness.name, ed25519CosignatureType, witness.publicKey);
    const text = parseNote(checkpoint.note).text;
    const cosigned = checkpoint.note + cosign(text, witness, 1_795_000_000n);
    const stored = await call(ws, ctx.clients.clerk, 'audit.importCosignature', { note: cosigned, witnessKey });
    expect(stored).toEqual({ checkpointId: checkpoint.id, witness: 'notary.kz/witness', timestamp: 1_795_000_000 });
    expect(ws.checkpoints.cosignedNote(checkpoint)).toBe(cosigned);

    const impostor = noteSigner('notary.kz/witness', new Uint8Array(32).fill(4));
    const forged = checkpoint.note + cosign(text, impostor, 1_795_000_000n);
    expect(await ws.dispatcher.invoke(ctx.clients.clerk, 'audit.importCosignature', { note: forged, witnessKey })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    const foreign = noteSigner(ws.keyring.origin, new Uint8Array(32).fill(5));
    const { signNote, formatCheckpoint } = await import('../../../main/services/audit/note.ts');
    const other = signNote(formatCheckpoint({ origin: ws.keyring.origin, size: 1, root: new Uint8Array(32) }), foreign);
    const otherCosigned = other + cosign(parseNote(other).text, witness, 1n);
    expect(await ws.dispatcher.invoke(ctx.clients.clerk, 'audit.importCosignature', { note: otherCosigned, witnessKey })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(formatVerifierKey(ws.keyring.origin, ed25519NoteType, foreign.publicKey)).not.toBe(ws.keyring.activeKey()!.verifierKey);
  });

  it('hands out inclusion proofs only for entries a checkpoint covers', async () => {
    const { ws } = ctx.env;
    expect(await ws.dispatcher.invoke(ctx.clients.clerk, 'audit.proof', { seq: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ws.checkpoints.sign('now');
    const proof = await call(ws, ctx.clients.clerk, 'audit.proof', { seq: 1 });
    expect(proof.tlogProof.startsWith('c2sp.org/tlog-proof@v1\nindex 1\n')).toBe(true);
  });
});
