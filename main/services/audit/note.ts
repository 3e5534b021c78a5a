/**
 * C2SP signed notes (as Go's sumdb/note) with Ed25519 keys, and the tlog-checkpoint, tlog-cosignature and tlog-proof
 * formats built on them. Dependency-free (node:crypto only): the offline verifier in export bundles uses this file.
 */
import { createHash, createPrivateKey, createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';

/** Signature type byte of an Ed25519 note key (the log's key). */
export const ed25519NoteType = 0x01;
/** Signature type byte of an Ed25519 timestamped cosignature key (a witness's key). */
export const ed25519CosignatureType = 0x04;

const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 public key from its 32 raw bytes. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' });
}

/** An Ed25519 private key from its 32-byte seed. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed has 32 bytes');
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Uint8Array {
  return new Uint8Array(key.export({ format: 'der', type: 'spki' }).subarray(spkiPrefix.length));
}

/** A public key in PEM (SubjectPublicKeyInfo), as `openssl pkeyutl -verify -pubin` reads it. */
export function publicKeyPem(raw: Uint8Array): string {
  return ed25519PublicKey(raw).export({ format: 'pem', type: 'spki' }).toString();
}

/** Key id: the first four bytes of SHA-256(name || "\n" || type || public key). */
export function keyId(name: string, type: number, publicKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(name).update(Uint8Array.of(0x0a, type)).update(publicKey).digest().subarray(0, 4));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function validName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** A verifier key: who signs, with which key, of which type. */
export interface VerifierKey {
  readonly name: string;
  readonly type: number;
  readonly id: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** The text form `<name>+<hex id>+<base64(type || key)>`. */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (!validName(name)) throw new Error(`invalid key name "${name}"`);
  return `${name}+${hex(keyId(name, type, publicKey))}+${Buffer.concat([Uint8Array.of(type), publicKey]).toString('base64')}`;
}

/** Parses a verifier key, checking that its id matches its key. */
export function parseVerifierKey(text: string): VerifierKey {
  // Base64 may itself contain '+', so split only at the first two.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('a verifier key has the form name+id+key');
  const [, name, idHex, keyB64] = match as unknown as [string, string, string, string];
  const raw = Buffer.from(keyB64, 'base64');
  if (!validName(name) || !/^[0-9a-f]{8}$/.test(idHex) || raw.length !== 33) throw new Error('malformed verifier key');
  const type = raw[0]!;
  const publicKey = new Uint8Array(raw.subarray(1));
  const id = keyId(name, type, publicKey);
  if (hex(id) !== idHex) throw new Error('the verifier key id does not match its key');
  return { name, type, id, publicKey };
}

/** A signer: name and Ed25519 seed, with the derived public key. */
export interface NoteSigner {
  readonly name: string;
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** A signer from its name and seed. */
export function noteSigner(name: string, seed: Uint8Array): NoteSigner {
  if (!validName(name)) throw new Error(`invalid key name "${name}"`);
  return { name, seed, publicKey: rawPublicKey(createPublicKey(ed25519PrivateKey(seed))) };
}

/** Parses `PRIVATE+KEY+<name>+<hex id>+<base64(type || seed)>`. */
export function parseSignerKey(text: string): NoteSigner {
  const match = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('a signer key has the form PRIVATE+KEY+name+id+key');
  const raw = Buffer.from(match[3]!, 'base64');
  if (raw.length !== 33 || raw[0] !== ed25519NoteType) throw new Error('only Ed25519 signer keys are supported');
  const signer = noteSigner(match[1]!, new Uint8Array(raw.subarray(1)));
  if (hex(keyId(signer.name, ed25519NoteType, signer.publicKey)) !== match[2]) throw new Error('the signer key id does not match its key');
  return signer;
}

/** The signer key text for a signer. */
export function formatSignerKey(signer: NoteSigner): string {
  return `PRIVATE+KEY+${signer.name}+${hex(keyId(signer.name, ed25519NoteType, signer.publicKey))}+${Buffer.concat([Uint8Array.of(ed25519NoteType), signer.seed]).toString('base64')}`;
}

/** A raw Ed25519 signature of a message. */
export function signBytes(seed: Uint8Array, message: Uint8Array): Uint8Array {
  return new Uint8Array(edSign(null, message, ed25519PrivateKey(seed)));
}

/** Checks a raw Ed25519 signature. */
export function verifyBytes(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  return edVerify(null, message, ed25519PublicKey(publicKey), signature);
}

function checkNoteText(text: string): void {
  if (!text.endsWith('\n') || text.includes('\n\n') || text.length === 0) throw new Error('note text must be non-empty lines each ending in a newline');
}

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  /** The decoded bytes after the name: key id (4) then the type-specific signature. */
  readonly bytes: Uint8Array;
}

/** A signature line: "— <name> base64(id || signature)". */
export function signatureLine(name: string, bytes: Uint8Array): string {
  return `\u2014 ${name} ${Buffer.from(bytes).toString('base64')}\n`;
}

/** Signs note text with the log's key: text, a blank line, and the signature line. */
export function signNote(text: string, signer: NoteSigner): string {
  checkNoteText(text);
  const signature = signBytes(signer.seed, Buffer.from(text, 'utf8'));
  return `${text}\n${signatureLine(signer.name, Buffer.concat([keyId(signer.name, ed25519NoteType, signer.publicKey), signature]))}`;
}

/** Splits a signed note into its text and signature lines; throws on a malformed note. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('malformed signed note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  checkNoteText(text);
  const signatures = note
    .slice(split + 2)
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
      if (!match) throw new Error(`malformed signature line "${line.slice(0, 60)}"`);
      const bytes = new Uint8Array(Buffer.from(match[2]!, 'base64'));
      if (bytes.length < 5) throw new Error('signature too short');
      return { name: match[1]!, bytes };
    });
  if (signatures.length === 0) throw new Error('the note has no signature');
  return { text, signatures };
}

/** Checks a signature of the note text by a note key (type 0x01). */
export function verifyNoteSignature(text: string, signature: NoteSignature, key: VerifierKey): boolean {
  if (key.type !== ed25519NoteType || signature.name !== key.name) return false;
  if (hex(signature.bytes.subarray(0, 4)) !== hex(key.id)) return false;
  return verifyBytes(key.publicKey, Buffer.from(text, 'utf8'), signature.bytes.subarray(4));
}

/** The message a witness signs: "cosignature/v1\ntime <t>\n" followed by the checkpoint text. */
export function cosignatureMessage(text: string, timestamp: bigint): Uint8Array {
  return Buffer.from(`cosignature/v1\ntime ${timestamp.toString()}\n${text}`, 'utf8');
}

/** A timestamped cosignature line by a witness key (type 0x04). */
export function cosign(text: string, witness: NoteSigner, timestamp: bigint): string {
  checkNoteText(text);
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(timestamp);
  const signature = signBytes(witness.seed, cosignatureMessage(text, timestamp));
  return signatureLine(witness.name, Buffer.concat([keyId(witness.name, ed25519CosignatureType, witness.publicKey), stamp, signature]));
}

/** Checks a witness's cosignature of the note text; returns its timestamp, or null when it does not verify. */
export function verifyCosignature(text: string, signature: NoteSignature, key: VerifierKey): bigint | null {
  if (key.type !== ed25519CosignatureType || signature.name !== key.name || signature.bytes.length !== 4 + 8 + 64) return null;
  if (hex(signature.bytes.subarray(0, 4)) !== hex(key.id)) return null;
  const timestamp = Buffer.from(signature.bytes.subarray(4, 12)).readBigUInt64BE();
  return verifyBytes(key.publicKey, cosignatureMessage(text, timestamp), signature.bytes.subarray(12)) ? timestamp : null;
}

/** A checkpoint body: origin, tree size and root (RFC 9162 tree head), as C2SP tlog-checkpoint text. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
}

/** The checkpoint text "<origin>\n<size>\n<base64 root>\n". */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${Buffer.from(checkpoint.root).toString('base64')}\n`;
}

/** Parses checkpoint text (extension lines after the root are allowed and ignored). */
export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new Error('malformed checkpoint: fewer than three lines');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new Error('malformed checkpoint: the size is not a decimal number');
  const root = new Uint8Array(Buffer.from(rootText, 'base64'));
  if (root.length !== 32 || Buffer.from(root).toString('base64') !== rootText) throw new Error('malformed checkpoint: the root is not a base64 SHA-256 hash');
  if (origin.length === 0) throw new Error('malformed checkpoint: empty origin');
  return { origin, size: Number(sizeText), root };
}

/** A C2SP tlog-proof: entry index, inclusion proof, and the signed checkpoint it leads to. */
export interface TlogProof {
  readonly index: number;
  readonly hashes: readonly Uint8Array[];
  readonly checkpoint: string;
  readonly extra?: Uint8Array;
}

const tlogProofHeader = 'c2sp.org/tlog-proof@v1';

/** Formats a tlog-proof file. */
export function formatTlogProof(proof: TlogProof): string {
  const extra = proof.extra ? `extra ${Buffer.from(proof.extra).toString('base64')}\n` : '';
  const hashes = proof.hashes.map((h) => `${Buffer.from(h).toString('base64')}\n`).join('');
  return `${tlogProofHeader}\n${extra}index ${proof.index}\n${hashes}\n${proof.checkpoint}`;
}

/** Parses a tlog-proof file. */
export function parseTlogProof(text: string): TlogProof {
  const lines = text.split('\n');
  if (lines[0] !== tlogProofHeader) throw new Error('not a c2sp.org/tlog-proof@v1 file');
  let at = 1;
  let extra: Uint8Array | undefined;
  if (lines[at]?.startsWith('extra ')) extra = new Uint8Array(Buffer.from(lines[at++]!.slice(6), 'base64'));
  const indexMatch = /^index (0|[1-9][0-9]*)$/.exec(lines[at++] ?? '');
  if (!indexMatch) throw new Error('malformed tlog-proof: no index line');
  const hashes: Uint8Array[] = [];
  while (at < lines.length && lines[at] !== '') {
    const hash = new Uint8Array(Buffer.from(lines[at]!, 'base64'));
    if (hash.length !== 32) throw new Error(`malformed tlog-proof: line ${at + 1} is not a hash`);
    hashes.push(hash);
    at += 1;
  }
  if (lines[at] !== '') throw new Error('malformed tlog-proof: no blank line before the checkpoint');
  return { index: Number(indexMatch[1]), hashes, checkpoint: lines.slice(at + 1).join('\n'), extra };
}
