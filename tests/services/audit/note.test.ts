import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cosign,
  ed25519CosignatureType,
  formatCheckpoint,
  formatSignerKey,
  formatTlogProof,
  formatVerifierKey,
  noteSigner,
  parseCheckpoint,
  parseNote,
  parseSignerKey,
  parseTlogProof,
  parseVerifierKey,
  signNote,
  verifyCosignature,
  verifyNoteSignature,
} from '../../../main/services/audit/note.ts';

const peterVerifier = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const peterSigner = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const quote = 'If you think cryptography is the answer to your problem,\nthen you don\'t know what your problem is.\n';

describe('C2SP signed notes', () => {
  it('reproduces the PeterNeumann signed note byte for byte', () => {
    const signer = parseSignerKey(peterSigner);
    const note = signNote(quote, signer);
    expect(note).toBe(`${quote}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`);
    expect(formatSignerKey(signer)).toBe(peterSigner);
  });

  it('verifies the note with the verifier key and refuses a changed text or another key', () => {
    const key = parseVerifierKey(peterVerifier);
    const note = parseNote(signNote(quote, parseSignerKey(peterSigner)));
    expect(verifyNoteSignature(note.text, note.signatures[0]!, key)).toBe(true);
    expect(verifyNoteSignature(note.text.replace('answer', 'Answer'), note.signatures[0]!, key)).toBe(false);
    const other = noteSigner('PeterNeumann', randomBytes(32));
    const otherKey = parseVerifierKey(formatVerifierKey('PeterNeumann', 1, other.publicKey));
    expect(verifyNoteSignature(note.text, note.signatures[0]!, otherKey)).toBe(false);
  });

  it('refuses a verifier key whose id does not match', () => {
    expect(() => parseVerifierKey(peterVerifier.replace('c74f20a3', 'c74f20a4'))).toThrow(/does not match/);
  });

  it('refuses malformed notes', () => {
    expect(() => parseNote('no signatures\n')).toThrow();
    expect(() => parseNote(`${quote}\nnot a signature line\n`)).toThrow(/malformed signature line/);
  });
});

describe('checkpoints, cosignatures and tlog proofs', () => {
  const root = new Uint8Array(randomBytes(32));
  const text = formatCheckpoint({ origin: 'dalel.kz/workstation/abc', size: 42, root });

  it('round-trips checkpoint text and rejects a malformed one', () => {
    expect(parseCheckpoint(text)).toEqual({ origin: 'dalel.kz/workstation/abc', size: 42, root });
    expect(() => parseCheckpoint('origin\n042\nAAAA\n')).toThrow(/size/);
  });

  it('verifies a witness cosignature and its timestamp, and refuses it on another checkpoint', () => {
    const witness = noteSigner('notary.example/witness', randomBytes(32));
    const key = parseVerifierKey(formatVerifierKey(witness.name, ed25519CosignatureType, witness.publicKey));
    const line = cosign(text, witness, 1_795_000_000n);
    const parsed = parseNote(`${text}\n${line}`);
    expect(verifyCosignature(parsed.text, parsed.signatures[0]!, key)).toBe(1_795_000_000n);
    const other = formatCheckpoint({ origin: 'dalel.kz/workstation/abc', size: 43, root });
    expect(verifyCosignature(other, parsed.signatures[0]!, key)).toBeNull();
  });

  it('round-trips a tlog-proof with and without extra data', () => {
    const signed = signNote(text, noteSigner('dalel.kz/workstation/abc', randomBytes(32)));
    const hashes = [new Uint8Array(randomBytes(32)), new Uint8Array(randomBytes(32))];
    for (const extra of [undefined, new Uint8Array([1, 2, 3])]) {
      const proof = { index: 7, hashes, checkpoint: signed, extra };
      expect(parseTlogProof(formatTlogProof(proof))).toEqual(proof);
    }
    expect(formatTlogProof({ index: 0, hashes: [], checkpoint: signed })).toBe(`c2sp.org/tlog-proof@v1\nindex 0\n\n${signed}`);
  });
});
