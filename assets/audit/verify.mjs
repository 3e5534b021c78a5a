// Dalel audit bundle verifier: checks entries, proofs, checkpoint and checksums offline. Node.js >= 18, no packages.

// main/services/audit/verify-main.ts
import { readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

// main/services/audit/bundle-verify.ts
import { createHash as createHash3 } from "node:crypto";
import * as os from "node:os";
import { Worker } from "node:worker_threads";
import { closeSync as closeSync2, fstatSync as fstatSync2, openSync as openSync2, readdirSync, readFileSync, readSync as readSync2, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

// native/codecs/zip/zip-read.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import * as zlib from "node:zlib";
function memorySource(bytes) {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}
function fileByteSource(path) {
  const fd = openSync(path, "r");
  const size = fstatSync(fd).size;
  const windowSize = 64 << 10;
  let window = new Uint8Array(0);
  let windowStart = 0;
  const readAt = (offset, length) => {
    const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
    let done = 0;
    while (done < out.length) {
      const n = readSync(fd, out, done, out.length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return out.subarray(0, done);
  };
  return {
    size,
    read(offset, length) {
      if (length > 16 << 10) return readAt(offset, length);
      if (offset < windowStart || offset + length > windowStart + window.length) {
        window = readAt(offset, windowSize);
        windowStart = offset;
      }
      return window.slice(offset - windowStart, offset - windowStart + length);
    },
    close: () => closeSync(fd)
  };
}
var asSource = (input) => input instanceof Uint8Array ? memorySource(input) : input;
var ZipFormatError = class extends Error {
  constructor(reasonCode, message) {
    super(message);
    this.reasonCode = reasonCode;
    this.name = "ZipFormatError";
  }
  reasonCode;
};
function view(bytes) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
var u64 = (dv, at) => Number(dv.getBigUint64(at, true));
function readZipDirectory(input) {
  const source = asSource(input);
  const tailStart = Math.max(0, source.size - (22 + 65535 + 20 + 56));
  const tail = source.read(tailStart, source.size - tailStart);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tv.getUint32(i, true) === 101010256 && i + 22 + tv.getUint16(i + 20, true) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("truncated", "the zip archive is truncated or damaged: its central directory is missing");
  let count = tv.getUint16(eocd + 10, true);
  let directorySize = tv.getUint32(eocd + 12, true);
  let start = tv.getUint32(eocd + 16, true);
  let directoryEnd = tailStart + eocd;
  const locator = eocd - 20;
  if (locator >= 0 && tv.getUint32(locator, true) === 117853008) {
    const recordAt = u64(tv, locator + 8);
    const record = view(source.read(recordAt, 56));
    if (record.byteLength < 56 || record.getUint32(0, true) !== 101075792) throw new ZipFormatError("corrupt", "the ZIP64 end record is damaged");
    count = u64(record, 32);
    directorySize = u64(record, 40);
    start = u64(record, 48);
    directoryEnd = recordAt;
  }
  if (start + directorySize !== directoryEnd) throw new ZipFormatError("corrupt", "the zip end record disagrees with the central directory");
  const bytes = source.read(start, directorySize);
  if (bytes.length !== directorySize) throw new ZipFormatError("truncated", "the zip archive is truncated inside its central directory");
  const dv = view(bytes);
  let at = 0;
  const entries = [];
  const names = /* @__PURE__ */ new Set();
  const decoder2 = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== 33639248) throw new ZipFormatError("corrupt", "the zip archive's central directory is damaged");
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const recordLength = 46 + nameLength + extraLength + dv.getUint16(at + 32, true);
    if (at + recordLength > bytes.length) throw new ZipFormatError("corrupt", "the zip archive's central directory is damaged");
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    let localHeader = dv.getUint32(at + 42, true);
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = dv.getUint16(x, true);
      const size = dv.getUint16(x + 2, true);
      if (id === 1) {
        const fieldEnd = Math.min(x + 4 + size, at + 46 + nameLength + extraLength);
        let y = x + 4;
        const next = () => {
          if (y + 8 > fieldEnd) throw new ZipFormatError("corrupt", "the zip archive's ZIP64 extra field is damaged");
          y += 8;
          return u64(dv, y - 8);
        };
        if (uncompressedSize === 4294967295) uncompressedSize = next();
        if (compressedSize === 4294967295) compressedSize = next();
        if (localHeader === 4294967295) localHeader = next();
      }
      x += 4 + size;
    }
    const entry = {
      method: dv.getUint16(at + 10, true),
      crc32: dv.getUint32(at + 16, true),
      compressedSize,
      uncompressedSize,
      localHeader,
      name: decoder2.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    };
    if (entry.localHeader + 30 + entry.compressedSize > start) throw new ZipFormatError("truncated", `the zip archive is truncated: entry ${entry.name} runs past the end`);
    if (names.has(entry.name)) throw new ZipFormatError("corrupt", `the zip archive holds two entries named ${entry.name}`);
    names.add(entry.name);
    entries.push(entry);
    at += recordLength;
  }
  if (at !== directorySize) throw new ZipFormatError("corrupt", "the central directory does not end where the end record says");
  return entries;
}
var crcTable = null;
var nativeCrc32 = zlib.crc32;
function crc32Of(bytes, previous = 0) {
  return nativeCrc32 ? nativeCrc32(bytes, previous) >>> 0 : crc32Portable(bytes, previous);
}
function crc32Portable(bytes, previous = 0) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 4294967295) >>> 0;
  for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function readZipEntry(input, entry, maxBytes) {
  const source = asSource(input);
  const dataStart = checkLocalHeader(source, entry);
  if (entry.uncompressedSize > maxBytes) throw new ZipFormatError("too-large", `zip entry ${entry.name} is too large once unpacked`);
  const data = source.read(dataStart, entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipFormatError("truncated", `zip entry ${entry.name} runs past the end of the archive`);
  let out;
  if (entry.method === 0) out = data;
  else if (entry.method !== 8) throw new ZipFormatError("corrupt", `zip entry ${entry.name} uses an unsupported compression method`);
  else {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (error) {
      throw new ZipFormatError("corrupt", `zip entry ${entry.name} cannot be unpacked (${error.message})`);
    }
  }
  if (out.length !== entry.uncompressedSize || crc32Of(out) !== entry.crc32) {
    throw new ZipFormatError("corrupt", `zip entry ${entry.name} fails its CRC-32 check: its data has changed`);
  }
  return out;
}
function* zipEntryChunks(input, entry, chunkSize = 4 << 20) {
  const source = asSource(input);
  if (entry.method !== 0) {
    yield readZipEntry(source, entry, 1024 ** 3);
    return;
  }
  const dataStart = checkLocalHeader(source, entry);
  if (entry.compressedSize !== entry.uncompressedSize) throw new ZipFormatError("corrupt", `zip entry ${entry.name}: a stored entry's sizes differ`);
  let crc = 0;
  for (let at = 0; at < entry.compressedSize; ) {
    const piece = source.read(dataStart + at, Math.min(chunkSize, entry.compressedSize - at));
    if (piece.length === 0) throw new ZipFormatError("truncated", `zip entry ${entry.name} runs past the end of the archive`);
    crc = crc32Of(piece, crc);
    at += piece.length;
    if (at === entry.compressedSize && crc !== entry.crc32) throw new ZipFormatError("corrupt", `zip entry ${entry.name} fails its CRC-32 check: its data has changed`);
    yield piece;
  }
  if (entry.compressedSize === 0 && entry.crc32 !== 0) throw new ZipFormatError("corrupt", `zip entry ${entry.name} fails its CRC-32 check: its data has changed`);
}
function checkLocalHeader(source, entry) {
  const local = entry.localHeader;
  const head = source.read(local, 30);
  const dv = view(head);
  if (head.length < 30 || dv.getUint32(0, true) !== 67324752) throw new ZipFormatError("corrupt", `zip entry ${entry.name} has a damaged header`);
  const nameLength = dv.getUint16(26, true);
  const localName = new TextDecoder().decode(source.read(local + 30, nameLength));
  const deferred = (dv.getUint16(6, true) & 8) !== 0;
  const sizesAgree = deferred || dv.getUint32(14, true) === entry.crc32 && (dv.getUint32(18, true) === entry.compressedSize || dv.getUint32(18, true) === 4294967295) && (dv.getUint32(22, true) === entry.uncompressedSize || dv.getUint32(22, true) === 4294967295);
  if (localName !== entry.name || dv.getUint16(8, true) !== entry.method || !sizesAgree) {
    throw new ZipFormatError("corrupt", `zip entry ${entry.name}: its local header disagrees with the central directory`);
  }
  return local + 30 + nameLength + dv.getUint16(28, true);
}

// main/services/audit/merkle.ts
import * as crypto from "node:crypto";
var { createHash } = crypto;
var emptyRoot = new Uint8Array(createHash("sha256").digest());
var oneShot = crypto.hash;
function sha256(data) {
  const digest = oneShot ? oneShot("sha256", data, "buffer") : createHash("sha256").update(data).digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}
var children = new Uint8Array(65);
function hashChildren(left, right) {
  if (left.length !== 32 || right.length !== 32) return new Uint8Array(createHash("sha256").update(Uint8Array.of(1)).update(left).update(right).digest());
  children[0] = 1;
  children.set(left, 1);
  children.set(right, 33);
  return sha256(children);
}
function sameHash(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
function split(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function rangeHash(source, begin, end, cache) {
  const size = end - begin;
  if (size === 0) return emptyRoot;
  if (cache && (size & size - 1) !== 0) {
    const key = `${begin}:${end}`;
    let hash3 = cache.get(key);
    if (!hash3) {
      hash3 = rangeHash(source, begin, end);
      cache.set(key, hash3);
    }
    return hash3;
  }
  if ((size & size - 1) === 0 && begin % size === 0) return source.node(Math.log2(size), begin / size);
  const pieces = [];
  let at = begin;
  for (let level = Math.floor(Math.log2(size)); level >= 0; level -= 1) {
    const width = 2 ** level;
    if (at + width <= end && at % width === 0) {
      pieces.push(source.node(level, at / width));
      at += width;
    }
  }
  let hash2 = pieces[pieces.length - 1];
  for (let i = pieces.length - 2; i >= 0; i -= 1) hash2 = hashChildren(pieces[i], hash2);
  return hash2;
}
function treeRoot(source, size) {
  return rangeHash(source, 0, size);
}
function inclusionProof(source, index, size, cache) {
  if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path = [];
  let begin = 0;
  let end = size;
  let m = index;
  while (end - begin > 1) {
    const k = split(end - begin);
    if (m < k) {
      path.push(rangeHash(source, begin + k, end, cache));
      end = begin + k;
    } else {
      path.push(rangeHash(source, begin, begin + k, cache));
      begin += k;
      m -= k;
    }
  }
  return path.reverse();
}
function checkHashes(...hashes) {
  return hashes.every((h) => h.length === 32) ? null : "a hash is not 32 bytes long";
}
function verifyInclusion(index, size, leafHash, proof, root) {
  const bad = checkHashes(leafHash, root, ...proof);
  if (bad) return bad;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return `leaf index ${index} is outside a tree of ${size}`;
  }
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return "the proof is longer than the tree is deep";
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return "the proof is shorter than the tree is deep";
  return sameHash(r, root) ? null : "the proof does not lead to the root";
}
function verifyConsistency(size1, size2, proof, root1, root2) {
  const bad = checkHashes(root1, root2, ...proof);
  if (bad) return bad;
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1) {
    return `sizes ${size1} \u2192 ${size2} cannot be consistent`;
  }
  if (size1 === size2) {
    if (proof.length !== 0) return "equal sizes need an empty proof";
    return sameHash(root1, root2) ? null : "equal sizes but different roots";
  }
  if (size1 === 0) return proof.length === 0 ? null : "a proof from the empty tree must be empty";
  if (proof.length === 0) return "the proof is empty";
  let path = [...proof];
  if (isPowerOfTwo(size1)) path = [root1, ...path];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return "the proof is too long";
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return "the proof is too short";
  if (!sameHash(fr, root1)) return "the proof does not match the earlier root";
  if (!sameHash(sr, root2)) return "the proof does not match the later root";
  return null;
}
function isPowerOfTwo(n) {
  return n > 0 && (n & n - 1) === 0;
}
var MemoryTree = class {
  levels = [[]];
  /** Number of leaves. */
  get size() {
    return this.levels[0].length;
  }
  /** Appends a leaf hash, completing every subtree it closes. */
  appendLeafHash(leaf) {
    let level = 0;
    let hash2 = leaf;
    for (; ; ) {
      const row = this.levels[level] ??= [];
      row.push(hash2);
      const index = row.length - 1;
      if (index % 2 === 0) return;
      hash2 = hashChildren(row[index - 1], hash2);
      level += 1;
    }
  }
  node(level, index) {
    const hash2 = this.levels[level]?.[index];
    if (!hash2) throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    return hash2;
  }
  /** The root of the first `size` leaves (default: all). */
  root(size = this.size) {
    return treeRoot(this, size);
  }
};

// main/services/audit/note.ts
import { createHash as createHash2, createPrivateKey, createPublicKey, sign as edSign, verify as edVerify } from "node:crypto";
var ed25519NoteType = 1;
var ed25519CosignatureType = 4;
var spkiPrefix = Buffer.from("302a300506032b6570032100", "hex");
var pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");
function ed25519PublicKey(raw) {
  if (raw.length !== 32) throw new Error("an Ed25519 public key has 32 bytes");
  return createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: "der", type: "spki" });
}
function keyId(name, type, publicKey) {
  return new Uint8Array(createHash2("sha256").update(name).update(Uint8Array.of(10, type)).update(publicKey).digest().subarray(0, 4));
}
function hex(bytes) {
  return Buffer.from(bytes).toString("hex");
}
function validName(name) {
  return name.length > 0 && !/[\s+]/u.test(name);
}
function parseVerifierKey(text2) {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text2.trim());
  if (!match) throw new Error("a verifier key has the form name+id+key");
  const [, name, idHex, keyB64] = match;
  const raw = Buffer.from(keyB64, "base64");
  if (!validName(name) || !/^[0-9a-f]{8}$/.test(idHex) || raw.length !== 33) throw new Error("malformed verifier key");
  const type = raw[0];
  const publicKey = new Uint8Array(raw.subarray(1));
  const id = keyId(name, type, publicKey);
  if (hex(id) !== idHex) throw new Error("the verifier key id does not match its key");
  return { name, type, id, publicKey };
}
function verifyBytes(publicKey, message, signature) {
  if (signature.length !== 64) return false;
  return edVerify(null, message, ed25519PublicKey(publicKey), signature);
}
function checkNoteText(text2) {
  if (!text2.endsWith("\n") || text2.includes("\n\n") || text2.length === 0) throw new Error("note text must be non-empty lines each ending in a newline");
}
function parseNote(note) {
  const split2 = note.lastIndexOf("\n\n");
  if (split2 < 0 || !note.endsWith("\n")) throw new Error("malformed signed note: no blank line before the signatures");
  const text2 = note.slice(0, split2 + 1);
  checkNoteText(text2);
  const signatures = note.slice(split2 + 2).slice(0, -1).split("\n").map((line) => {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match) throw new Error(`malformed signature line "${line.slice(0, 60)}"`);
    const bytes = new Uint8Array(Buffer.from(match[2], "base64"));
    if (bytes.length < 5) throw new Error("signature too short");
    return { name: match[1], bytes };
  });
  if (signatures.length === 0) throw new Error("the note has no signature");
  return { text: text2, signatures };
}
function verifyNoteSignature(text2, signature, key) {
  if (key.type !== ed25519NoteType || signature.name !== key.name) return false;
  if (hex(signature.bytes.subarray(0, 4)) !== hex(key.id)) return false;
  return verifyBytes(key.publicKey, Buffer.from(text2, "utf8"), signature.bytes.subarray(4));
}
function cosignatureMessage(text2, timestamp) {
  return Buffer.from(`cosignature/v1
time ${timestamp.toString()}
${text2}`, "utf8");
}
function verifyCosignature(text2, signature, key) {
  if (key.type !== ed25519CosignatureType || signature.name !== key.name || signature.bytes.length !== 4 + 8 + 64) return null;
  if (hex(signature.bytes.subarray(0, 4)) !== hex(key.id)) return null;
  const timestamp = Buffer.from(signature.bytes.subarray(4, 12)).readBigUInt64BE();
  return verifyBytes(key.publicKey, cosignatureMessage(text2, timestamp), signature.bytes.subarray(12)) ? timestamp : null;
}
function parseCheckpoint(text2) {
  const lines = text2.split("\n");
  if (lines.length < 4 || lines[lines.length - 1] !== "") throw new Error("malformed checkpoint: fewer than three lines");
  const [origin, sizeText, rootText] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new Error("malformed checkpoint: the size is not a decimal number");
  const root = new Uint8Array(Buffer.from(rootText, "base64"));
  if (root.length !== 32 || Buffer.from(root).toString("base64") !== rootText) throw new Error("malformed checkpoint: the root is not a base64 SHA-256 hash");
  if (origin.length === 0) throw new Error("malformed checkpoint: empty origin");
  return { origin, size: Number(sizeText), root };
}
var tlogProofHeader = "c2sp.org/tlog-proof@v1";
function parseTlogProof(text2) {
  const lines = text2.split("\n");
  if (lines[0] !== tlogProofHeader) throw new Error("not a c2sp.org/tlog-proof@v1 file");
  let at = 1;
  let extra;
  if (lines[at]?.startsWith("extra ")) extra = new Uint8Array(Buffer.from(lines[at++].slice(6), "base64"));
  const indexMatch = /^index (0|[1-9][0-9]*)$/.exec(lines[at++] ?? "");
  if (!indexMatch) throw new Error("malformed tlog-proof: no index line");
  const hashes = [];
  while (at < lines.length && lines[at] !== "") {
    const hash2 = new Uint8Array(Buffer.from(lines[at], "base64"));
    if (hash2.length !== 32) throw new Error(`malformed tlog-proof: line ${at + 1} is not a hash`);
    hashes.push(hash2);
    at += 1;
  }
  if (lines[at] !== "") throw new Error("malformed tlog-proof: no blank line before the checkpoint");
  return { index: Number(indexMatch[1]), hashes, checkpoint: lines.slice(at + 1).join("\n"), extra };
}

// main/services/audit/tiles.ts
var tileWidth = 256;
var tileHeight = 8;
var hashBytes = 32;
function tileIndexPath(index) {
  let path = String(index % 1e3).padStart(3, "0");
  for (let rest = Math.floor(index / 1e3); rest > 0; rest = Math.floor(rest / 1e3)) path = `x${String(rest % 1e3).padStart(3, "0")}/${path}`;
  return path;
}
function hashTilePath(tile) {
  return `tile/${tile.level}/${tileIndexPath(tile.index)}${tile.width < tileWidth ? `.p/${tile.width}` : ""}`;
}
function entryBundlePath(index, width) {
  return `tile/entries/${tileIndexPath(index)}${width < tileWidth ? `.p/${width}` : ""}`;
}
function parseTilePath(name) {
  const match = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(name);
  if (!match) return null;
  const index = Number(match[2].split("/").map((p) => p.replace("x", "")).join(""));
  const width = match[3] === void 0 ? tileWidth : Number(match[3]);
  const kind = match[1] === "entries" ? "entries" : "hash";
  const level = kind === "entries" ? 0 : Number(match[1]);
  if (match[3] !== void 0 && width >= tileWidth || level > 63 || tileIndexPath(index) !== match[2]) return null;
  const tile = { kind, level, index, width };
  return (kind === "entries" ? entryBundlePath(index, width) : hashTilePath(tile)) === name ? tile : null;
}
function levelCount(size, level) {
  return Math.floor(size / 2 ** (tileHeight * level));
}
function widthOf(size, level, index) {
  return Math.max(0, Math.min(tileWidth, levelCount(size, level) - tileWidth * index));
}
function tileLevels(size) {
  let levels = 0;
  while (levelCount(size, levels) >= 1) levels += 1;
  return levels;
}
function* allTiles(size) {
  for (let level = 0; level < tileLevels(size); level += 1) {
    const count = levelCount(size, level);
    for (let index = 0; index * tileWidth < count; index += 1) yield { level, index, width: widthOf(size, level, index) };
  }
}
function subtreeRoot(tile, first, count) {
  if ((first + count) * hashBytes > tile.length) throw new RangeError(`the tile has no hashes ${first}\u2026${first + count - 1}`);
  let row = [];
  for (let i = 0; i < count; i += 1) row.push(tile.subarray((first + i) * hashBytes, (first + i + 1) * hashBytes));
  while (row.length > 1) {
    const next = [];
    for (let i = 0; i < row.length; i += 2) next.push(hashChildren(row[i], row[i + 1]));
    row = next;
  }
  return row[0];
}
function fullTileRoot(tile) {
  return subtreeRoot(tile, 0, tileWidth);
}
function tileHash(tile, position) {
  return tile.subarray(position * hashBytes, (position + 1) * hashBytes);
}
var TileNodes = class {
  constructor(load) {
    this.load = load;
  }
  load;
  node(height, index) {
    const level = Math.floor(height / tileHeight);
    const span = 2 ** (height % tileHeight);
    const first = index * span;
    const tileIndex = Math.floor(first / tileWidth);
    const tile = this.load(level, tileIndex);
    if (!tile) throw new TileMissingError(level, tileIndex);
    const offset = first - tileIndex * tileWidth;
    if ((offset + span) * hashBytes > tile.length) throw new TileMissingError(level, tileIndex);
    return span === 1 ? tileHash(tile, offset) : subtreeRoot(tile, offset, span);
  }
};
var TileMissingError = class extends Error {
  constructor(level, index) {
    super(`tile ${index} of level ${level} is missing or too narrow`);
    this.level = level;
    this.index = index;
    this.name = "TileMissingError";
  }
  level;
  index;
};
function decodeEntryBundle(bundle) {
  const entries = [];
  for (let at = 0; at < bundle.length; ) {
    if (at + 2 > bundle.length) throw new Error("the entry bundle ends inside a length prefix");
    const length = bundle[at] << 8 | bundle[at + 1];
    if (at + 2 + length > bundle.length) throw new Error("the entry bundle ends inside an entry");
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}

// main/services/audit/bundle-verify.ts
var bundleFiles = {
  entries: "entries.jsonl",
  checkpoint: "checkpoint",
  checkpointBody: "checkpoint.body",
  checkpointSig: "checkpoint.sig",
  publicKeyPem: "log.pub.pem",
  verifierKey: "log.vkey",
  consistency: "consistency-proofs.txt",
  sums: "SHA256SUMS",
  proofs: "proofs",
  tiles: "tile"
};
var exportAction = "audit.exported";
function proofFileName(seq) {
  return `${bundleFiles.proofs}/${String(seq).padStart(10, "0")}.tlog-proof`;
}
function zipFileSource(path) {
  return zipSource(fileByteSource(path));
}
var pieceSize = 4 << 20;
function folderSource(dir) {
  return {
    read(name) {
      try {
        return new Uint8Array(readFileSync(join(dir, name)));
      } catch {
        return null;
      }
    },
    chunks(name) {
      let fd;
      try {
        fd = openSync2(join(dir, name), "r");
        if (!fstatSync2(fd).isFile()) {
          closeSync2(fd);
          return null;
        }
      } catch {
        return null;
      }
      return (function* () {
        try {
          for (; ; ) {
            const piece = new Uint8Array(pieceSize);
            const n = readSync2(fd, piece, 0, piece.length, null);
            if (n === 0) return;
            yield piece.subarray(0, n);
          }
        } finally {
          closeSync2(fd);
        }
      })();
    },
    size(name) {
      try {
        const stat = statSync(join(dir, name));
        return stat.isFile() ? stat.size : null;
      } catch {
        return null;
      }
    },
    names() {
      const found = [];
      const walk = (folder) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (entry.isFile()) found.push(relative(dir, path).split(sep).join("/"));
        }
      };
      walk(dir);
      return found;
    }
  };
}
function zipSource(zip) {
  const bytes = zip instanceof Uint8Array ? memorySource(zip) : zip;
  const entries = readZipDirectory(bytes).filter((e) => !e.name.endsWith("/"));
  const tops = new Set(entries.map((e) => e.name.split("/")[0]));
  const prefix = entries.some((e) => e.name === bundleFiles.entries) || tops.size !== 1 ? "" : `${[...tops][0]}/`;
  const byName = new Map(entries.map((e) => [e.name.slice(prefix.length), e]));
  return {
    read(name) {
      const entry = byName.get(name);
      return entry ? readZipEntry(bytes, entry, 1024 ** 3) : null;
    },
    chunks(name) {
      const entry = byName.get(name);
      return entry ? zipEntryChunks(bytes, entry, pieceSize) : null;
    },
    size: (name) => byName.get(name)?.uncompressedSize ?? null,
    names: () => [...byName.keys()]
  };
}
var decoder = new TextDecoder("utf-8", { fatal: false });
var text = (bytes) => decoder.decode(bytes);
var sha2562 = (bytes) => createHash3("sha256").update(bytes).digest("hex");
async function verifyBundleAsync(source, options = {}, onProgress) {
  const pool = options.workers !== void 0 && options.workers > 0 ? LinePool.open(options.workers) : null;
  const steps = verifySteps(source, options, onProgress, pool ? pool.size * 2 : 1);
  const parsed = /* @__PURE__ */ new Map();
  let answer;
  try {
    for (; ; ) {
      const step = steps.next(answer);
      answer = void 0;
      if (step.done) return step.value;
      const request = step.value;
      if (request.kind === "parse") parsed.set(request.id, pool ? pool.parse(request.data, request.offset) : parseLines(request.data, request.offset, sha256Bytes, decoder));
      else {
        const result = parsed.get(request.id);
        parsed.delete(request.id);
        answer = result instanceof Promise ? await result : result;
        if (!pool) await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    pool?.close();
  }
}
function parseLines(data, offset, hashOne, textDecoder) {
  const ends = [];
  for (let i = data.indexOf(10, offset); i >= 0; i = data.indexOf(10, i + 1)) ends.push(i);
  const seqs = new Float64Array(ends.length);
  const leaves = new Uint8Array(ends.length * 32);
  const scanSeq = (from, to) => {
    if (to - from < 8 || data[to - 1] !== 125) return -1;
    let at = -1;
    for (let i2 = to - 6; i2 >= from; i2 -= 1) {
      if (data[i2] === 34 && data[i2 + 1] === 115 && data[i2 + 2] === 101 && data[i2 + 3] === 113 && data[i2 + 4] === 34 && data[i2 + 5] === 58) {
        at = i2 + 6;
        break;
      }
    }
    if (at < 0) return -1;
    let seq = 0;
    let i = at;
    while (i < to && data[i] >= 48 && data[i] <= 57) seq = seq * 10 + data[i++] - 48;
    if (i === at || i - at > 15 || data[at] === 48 && i - at > 1 || data[i] !== 44 && data[i] !== 125) return -1;
    let depth = 0;
    for (; i < to; i += 1) {
      const c = data[i];
      if (c === 34) {
        for (i += 1; i < to && data[i] !== 34; i += 1) if (data[i] === 92) i += 1;
      } else if (c === 123 || c === 91) depth += 1;
      else if (c === 125 || c === 93) {
        depth -= 1;
        if (depth < 0) return i === to - 1 && c === 125 ? seq : -1;
      }
    }
    return -1;
  };
  let start = offset;
  for (let k = 0; k < ends.length; k += 1) {
    const end = ends[k];
    let seq = scanSeq(start, end);
    if (seq < 0) {
      try {
        const entry = JSON.parse(textDecoder.decode(data.subarray(start, end)));
        const value = entry !== null && typeof entry === "object" ? entry.seq : void 0;
        seq = typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : -2;
      } catch {
        seq = -1;
      }
    }
    seqs[k] = seq;
    const saved = data[start - 1];
    data[start - 1] = 0;
    leaves.set(hashOne(data.subarray(start - 1, end)), k * 32);
    data[start - 1] = saved;
    start = end + 1;
  }
  return { data, offset, ends: Int32Array.from(ends), seqs, leaves };
}
var sha256Bytes = (bytes) => sha256(bytes);
function defaultWorkers() {
  const available = os.availableParallelism?.() ?? os.cpus().length;
  return Math.max(1, Math.min(8, available));
}
function workerSource() {
  return `"use strict";
var __name = (f) => f;
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const hashOne = crypto.hash ? (d) => crypto.hash('sha256', d, 'buffer') : (d) => crypto.createHash('sha256').update(d).digest();
const textDecoder = new TextDecoder('utf-8', { fatal: false });
const parseLines = ${parseLines.toString()};
parentPort.on('message', ({ id, data, offset }) => {
  const out = parseLines(data, offset, hashOne, textDecoder);
  parentPort.postMessage({ id, out }, [out.data.buffer, out.ends.buffer, out.seqs.buffer, out.leaves.buffer]);
});
`;
}
var LinePool = class _LinePool {
  constructor(workers) {
    this.workers = workers;
    for (const worker of workers) {
      worker.on("message", ({ id, out }) => {
        this.waiting.get(id)?.resolve(out);
        this.waiting.delete(id);
      });
      worker.on("error", (error) => {
        for (const w of this.waiting.values()) w.reject(error);
        this.waiting.clear();
      });
    }
  }
  workers;
  waiting = /* @__PURE__ */ new Map();
  next = 0;
  turn = 0;
  /** A pool of `size` workers, or null where threads cannot start (the caller then parses in this thread). */
  static open(size) {
    try {
      const source = workerSource();
      return new _LinePool(Array.from({ length: size }, () => new Worker(source, { eval: true })));
    } catch {
      return null;
    }
  }
  get size() {
    return this.workers.length;
  }
  parse(data, offset) {
    const id = this.next++;
    const worker = this.workers[this.turn++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, data, offset }, [data.buffer]);
    });
  }
  close() {
    for (const worker of this.workers) void worker.terminate();
  }
};
function* verifySteps(source, options, onProgress, ahead) {
  const problems = [];
  const passed = [];
  const problem = (p) => problems.push(p);
  const sums = checkSums(source, problem, passed);
  const report = (extra) => ({
    valid: problems.length === 0,
    problems,
    passed,
    origin: null,
    treeSize: null,
    entries: 0,
    keyFingerprint: null,
    keyTrusted: false,
    ...extra
  });
  const noteBytes = source.read(bundleFiles.checkpoint);
  if (!noteBytes) {
    problem({ code: "missing-file", file: bundleFiles.checkpoint, message: "the signed checkpoint is missing" });
    return report({});
  }
  let checkpoint;
  let noteText;
  let signatures;
  try {
    const note = parseNote(text(noteBytes));
    noteText = note.text;
    signatures = note.signatures;
    checkpoint = parseCheckpoint(note.text);
  } catch (error) {
    problem({ code: "malformed", file: bundleFiles.checkpoint, message: `the checkpoint cannot be read: ${error.message}` });
    return report({});
  }
  const bundleKey = readBundleKey(source, problem);
  const keyTrusted = (options.trustedKeys?.length ?? 0) > 0;
  const keys = [];
  for (const k of options.trustedKeys ?? []) {
    try {
      keys.push(parseVerifierKey(k));
    } catch (error) {
      problem({ code: "malformed", message: `a trusted key cannot be read: ${error.message}` });
    }
  }
  if (!keyTrusted && bundleKey) keys.push(bundleKey);
  const signer = keys.find((k) => k.type === ed25519NoteType && signatures.some((s) => verifyNoteSignature(noteText, s, k)));
  if (!signer) {
    const by = signatures.map((s) => `${s.name} (key id ${Buffer.from(s.bytes.subarray(0, 4)).toString("hex")})`).join(", ");
    const wanted = keys.map((k) => `${k.name} (key id ${Buffer.from(k.id).toString("hex")})`).join(", ") || "none given";
    const known = signatures.some((s) => keys.some((k) => k.name === s.name && Buffer.from(k.id).equals(Buffer.from(s.bytes.subarray(0, 4)))));
    problem(
      known ? { code: "bad-signature", file: bundleFiles.checkpoint, message: `the checkpoint signature by ${by} does not verify` } : { code: "unknown-key", file: bundleFiles.checkpoint, message: `the checkpoint is signed by an unknown key: ${by}; trusted: ${wanted}` }
    );
  } else {
    passed.push(`checkpoint signed by ${signer.name} (key id ${Buffer.from(signer.id).toString("hex")})${keyTrusted ? "" : " \u2014 the key shipped in the bundle: compare its fingerprint with the workstation"}`);
  }
  if (checkpoint.origin !== (signer ?? bundleKey)?.name) {
    problem({ code: "malformed", file: bundleFiles.checkpoint, message: `the checkpoint origin ${checkpoint.origin} is not the key's name` });
  }
  checkDetachedSignature(source, noteText, bundleKey, problem, passed);
  checkCosignatures(noteText, signatures, options.witnessKeys ?? [], problem, passed);
  const keyFingerprint = signer ?? bundleKey ? sha2562((signer ?? bundleKey).publicKey) : null;
  const pieces = source.chunks(bundleFiles.entries);
  if (!pieces) {
    problem({ code: "missing-file", file: bundleFiles.entries, message: "entries.jsonl is missing" });
    return report({ origin: checkpoint.origin, treeSize: checkpoint.size, keyTrusted, keyFingerprint });
  }
  const tiled = [...sums.deferred.keys(), ...source.names()].some((name) => name.startsWith(`${bundleFiles.tiles}/`));
  const tiles = new TileReader(source, sums, checkpoint, problem);
  const selection = new SelectionTracker();
  const legacyLeaves = [];
  const total = source.size(bundleFiles.entries) ?? 0;
  let done = 0;
  let previousSeq = -1;
  let line = 0;
  let lastLine = null;
  const fileHash = createHash3("sha256");
  const consume = (parsed) => {
    const { data, ends, seqs, leaves } = parsed;
    let start = parsed.offset;
    for (let k = 0; k < ends.length; start = ends[k] + 1, k += 1) {
      line += 1;
      const seq = seqs[k];
      if (seq === -1) {
        problem({ code: "changed-entry", file: bundleFiles.entries, line, message: `line ${line} is not valid JSON: the entry was changed` });
        continue;
      }
      if (seq === -2) {
        problem({ code: "changed-entry", file: bundleFiles.entries, line, message: `line ${line} has no valid sequence number` });
        continue;
      }
      if (seq <= previousSeq) {
        problem({ code: "reordered", file: bundleFiles.entries, line, seq, message: `line ${line} (seq ${seq}) comes after seq ${previousSeq}: entries are out of order` });
      }
      previousSeq = Math.max(previousSeq, seq);
      const leaf = leaves.subarray(k * 32, k * 32 + 32);
      selection.add(seq, line, leaf);
      if (tiled) tiles.checkEntry(seq, line, leaf, data.subarray(start, ends[k]));
      else legacyLeaves.push({ seq, leaf, line });
    }
    if (ends.length > 0) lastLine = data.slice(ends.length > 1 ? ends[ends.length - 2] + 1 : parsed.offset, ends[ends.length - 1]);
  };
  const queue = [];
  let ids = 0;
  let carry = null;
  try {
    for (const piece of pieces) {
      fileHash.update(piece);
      const data = new Uint8Array((carry?.length ?? 1) + piece.length);
      if (carry) data.set(carry, 0);
      data.set(piece, carry?.length ?? 1);
      const cut = data.lastIndexOf(10);
      carry = cut < 0 ? data : cut + 1 < data.length ? data.slice(cut) : null;
      if (cut >= 0) {
        const id = ids++;
        yield { kind: "parse", id, data: data.subarray(0, cut + 1), offset: 1 };
        queue.push(id);
      }
      while (queue.length >= ahead) consume(yield { kind: "await", id: queue.shift() });
      done += piece.length;
      onProgress?.(done, total);
    }
  } catch (error) {
    problem({ code: "checksum-mismatch", file: bundleFiles.entries, message: `entries.jsonl cannot be read whole: ${error.message}` });
  }
  while (queue.length > 0) consume(yield { kind: "await", id: queue.shift() });
  const entriesDigest = fileHash.digest("hex");
  const listedDigest = sums.deferred.get(bundleFiles.entries);
  sums.read.add(bundleFiles.entries);
  if (listedDigest !== void 0 && listedDigest !== entriesDigest) {
    sums.changed.add(bundleFiles.entries);
    problem({ code: "checksum-mismatch", file: bundleFiles.entries, message: `${bundleFiles.entries} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  if (carry && carry.length > 1) {
    problem({ code: "truncated", file: bundleFiles.entries, line: line + 1, message: "entries.jsonl is truncated: its last line is incomplete" });
  }
  const entries = selection.count;
  const closing = selection.closing(lastLine);
  if (tiled) {
    const whole = closing?.action === exportAction && closing.details.scope === "all";
    tiles.checkTree(whole ? null : selection.seenRuns(), passed);
    checkCaseProofs(source, sums, selection, checkpoint, noteText, tiles, problem);
  } else {
    const expected = wholeLogTree(legacyLeaves, checkpoint);
    const ranges = /* @__PURE__ */ new Map();
    for (const { seq, line: at, leaf } of legacyLeaves) {
      checkProof(source, seq, at, leaf, checkpoint, noteText, sums, problem, expected ? inclusionProof(expected, seq, checkpoint.size, ranges) : null);
    }
  }
  for (const [name, digest] of sums.deferred) {
    if (sums.read.has(name)) continue;
    let bytes;
    try {
      bytes = source.read(name);
    } catch (error) {
      problem({ code: "checksum-mismatch", file: name, message: `${name} cannot be read: ${error.message}` });
      continue;
    }
    if (!bytes) problem({ code: "missing-file", file: name, message: `${name} is listed in SHA256SUMS but missing` });
    else if (sha2562(bytes) !== digest) problem({ code: "checksum-mismatch", file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  if (entries > 0 && !problems.some((p) => ["changed-entry", "bad-proof", "bad-tile", "reordered"].includes(p.code))) {
    const what = closing?.action === exportAction ? ` (${entries - 1} selected entries and the export's own entry, which records what was selected)` : "";
    passed.push(`${entries} entries each proven included in the tree of ${checkpoint.size}${what}${tiled ? ", each found in its level-0 tile" : ""}`);
  }
  selection.check(checkpoint, problem, passed);
  if (options.trustedCheckpoint) checkTrustedCheckpoint(source, options.trustedCheckpoint, checkpoint, keys, problem, passed);
  return report({
    origin: checkpoint.origin,
    treeSize: checkpoint.size,
    entries,
    selectedEntries: closing?.action === exportAction ? entries - 1 : null,
    keyTrusted,
    keyFingerprint
  });
}
var readLater = (name) => name === bundleFiles.entries || name.startsWith(`${bundleFiles.proofs}/`) || name.startsWith(`${bundleFiles.tiles}/`);
function checkSums(source, problem, passed) {
  const changed = /* @__PURE__ */ new Set();
  const deferred = /* @__PURE__ */ new Map();
  const read = /* @__PURE__ */ new Set();
  const sums = source.read(bundleFiles.sums);
  if (!sums) {
    problem({ code: "missing-file", file: bundleFiles.sums, message: "SHA256SUMS is missing" });
    return { deferred, read, changed };
  }
  const listed = /* @__PURE__ */ new Set();
  for (const [i, line] of text(sums).split("\n").entries()) {
    if (line === "") continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) {
      problem({ code: "malformed", file: bundleFiles.sums, line: i + 1, message: `SHA256SUMS line ${i + 1} is malformed` });
      continue;
    }
    const name = match[2];
    listed.add(name);
    if (readLater(name)) {
      deferred.set(name, match[1]);
      continue;
    }
    const digest = hashOf(source, name);
    if (digest === null) {
      changed.add(name);
      problem({ code: "missing-file", file: name, message: `${name} is listed in SHA256SUMS but missing` });
    } else if (digest !== match[1]) {
      changed.add(name);
      problem({ code: "checksum-mismatch", file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
    }
  }
  for (const name of source.names()) {
    if (name !== bundleFiles.sums && !listed.has(name)) problem({ code: "unlisted-file", file: name, message: `${name} is not listed in SHA256SUMS` });
  }
  if (changed.size === 0) passed.push(`${listed.size - deferred.size} files match SHA256SUMS (entries.jsonl, the tiles and the proofs, ${deferred.size} files, are checked as they are read)`);
  return { deferred, read, changed };
}
function hashOf(source, name) {
  const pieces = source.chunks(name);
  if (!pieces) return null;
  const hash2 = createHash3("sha256");
  try {
    for (const piece of pieces) hash2.update(piece);
  } catch {
    return "unreadable";
  }
  return hash2.digest("hex");
}
function readChecked(source, sums, name, problem) {
  let bytes;
  const again = sums.read.has(name);
  sums.read.add(name);
  try {
    bytes = source.read(name);
  } catch (error) {
    sums.changed.add(name);
    if (!again) problem({ code: "checksum-mismatch", file: name, message: `${name} cannot be read: ${error.message}` });
    return null;
  }
  const listed = sums.deferred.get(name);
  if (!bytes || again) return bytes;
  if (listed === void 0) {
    problem({ code: "unlisted-file", file: name, message: `${name} is not listed in SHA256SUMS` });
  } else if (sha2562(bytes) !== listed) {
    sums.changed.add(name);
    problem({ code: "checksum-mismatch", file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  return bytes;
}
var TileReader = class {
  constructor(source, sums, checkpoint, problem) {
    this.source = source;
    this.sums = sums;
    this.checkpoint = checkpoint;
    this.problem = problem;
    this.size = checkpoint.size;
    this.hasBundles = [...sums.deferred.keys(), ...source.names()].some((name) => name.startsWith(`${bundleFiles.tiles}/entries/`));
    this.levels = tileLevels(this.size);
  }
  source;
  sums;
  checkpoint;
  problem;
  cache = /* @__PURE__ */ new Map();
  bundle = null;
  reported = /* @__PURE__ */ new Set();
  hasBundles;
  levels;
  size;
  once(key, p) {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problem(p);
  }
  /** A hash tile of this tree, read and checked once; null (reported) when missing or of the wrong length. */
  tile(level, index) {
    const cached = this.cache.get(level);
    if (cached?.index === index) return cached.bytes;
    const width = widthOf(this.size, level, index);
    const name = hashTilePath({ level, index, width: width || tileWidth });
    let bytes = width > 0 ? readChecked(this.source, this.sums, name, this.problem) : null;
    if (!bytes) this.once(name, { code: "missing-file", file: name, message: `the tile ${name} is missing` });
    else if (bytes.length !== width * 32) {
      this.once(name, { code: "bad-tile", file: name, message: `${name} holds ${bytes.length} bytes, not the ${width * 32} of ${width} hashes` });
      bytes = null;
    }
    this.cache.set(level, { index, bytes });
    return bytes;
  }
  /** Checks an entry against its level-0 tile and, where the bundle has them, its entry bundle. */
  checkEntry(seq, line, leaf, bytes) {
    if (seq >= this.size) {
      this.problem({ code: "changed-entry", file: bundleFiles.entries, seq, line, message: `entry seq ${seq} on line ${line} is outside the signed tree of ${this.size}` });
      return;
    }
    const index = Math.floor(seq / tileWidth);
    const tile = this.tile(0, index);
    if (tile && !sameHash(tileHash(tile, seq % tileWidth), leaf)) {
      const name = hashTilePath({ level: 0, index, width: widthOf(this.size, 0, index) });
      this.problem(
        this.sums.changed.has(name) ? { code: "bad-tile", file: name, seq, line, message: `${name} does not hold the hash of entry seq ${seq}: the tile was changed` } : { code: "changed-entry", file: bundleFiles.entries, seq, line, message: `entry seq ${seq} on line ${line} does not match its hash in the signed tree: its bytes were changed` }
      );
    }
    if (!this.hasBundles) return;
    if (this.bundle?.index !== index) {
      const name = entryBundlePath(index, widthOf(this.size, 0, index));
      const data = readChecked(this.source, this.sums, name, this.problem);
      let entries = null;
      if (!data) this.once(name, { code: "missing-file", file: name, message: `the entry bundle ${name} is missing` });
      else {
        try {
          entries = decodeEntryBundle(data);
          if (entries.length !== widthOf(this.size, 0, index)) throw new Error(`it holds ${entries.length} entries, not ${widthOf(this.size, 0, index)}`);
        } catch (error) {
          this.once(name, { code: "bad-tile", file: name, message: `${name} cannot be read: ${error.message}` });
          entries = null;
        }
      }
      this.bundle = { index, entries };
    }
    const bundled = this.bundle.entries?.[seq % tileWidth];
    if (this.bundle.entries && (!bundled || !Buffer.from(bundled.buffer, bundled.byteOffset, bundled.byteLength).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)))) {
      const name = entryBundlePath(index, widthOf(this.size, 0, index));
      this.problem({ code: "bad-tile", file: name, seq, line, message: `entry seq ${seq} in ${name} differs from line ${line} of entries.jsonl` });
    }
  }
  /**
   * Checks the tree: every tile present has its name and width in this tree; every tile the entries need is there
   * (every tile of the tree for a whole-log export: `runs` null); every full tile hashes to its hash in the tile
   * above; and the tiles lead to the signed root.
   */
  checkTree(runs, passed) {
    const present = [];
    for (const name of /* @__PURE__ */ new Set([...this.sums.deferred.keys(), ...this.source.names()])) {
      if (!name.startsWith(`${bundleFiles.tiles}/`)) continue;
      const tile = parseTilePath(name);
      if (!tile) this.problem({ code: "malformed", file: name, message: `${name} is not a tile path (tile/<L>/<N>[.p/<W>])` });
      else if (widthOf(this.size, tile.level, tile.index) !== tile.width) this.problem({ code: "bad-tile", file: name, message: `${name} is not a tile of a tree of ${this.size} entries` });
      else if (tile.kind === "hash") present.push({ ...tile, name });
    }
    const required = runs === null ? [...allTiles(this.size)] : this.tilesOf(runs);
    const have = new Set(present.map((t) => t.name));
    for (const tile of required) {
      const name = hashTilePath(tile);
      if (!have.has(name)) this.once(name, { code: "missing-file", file: name, message: `the tile ${name} is missing` });
    }
    present.sort((a, b) => a.level - b.level || a.index - b.index);
    let bad = 0;
    for (const tile of present) {
      const bytes = this.tile(tile.level, tile.index);
      if (!bytes || tile.width !== tileWidth || tile.level + 1 >= this.levels) continue;
      const parentIndex = Math.floor(tile.index / tileWidth);
      const parent = this.tile(tile.level + 1, parentIndex);
      if (parent && !sameHash(fullTileRoot(bytes), tileHash(parent, tile.index % tileWidth))) {
        bad += 1;
        const parentName = hashTilePath({ level: tile.level + 1, index: parentIndex, width: widthOf(this.size, tile.level + 1, parentIndex) });
        this.problem({ code: "bad-tile", file: tile.name, message: `${tile.name} does not hash to its entry in ${parentName}: one of the two was changed` });
      }
    }
    let root = null;
    try {
      root = treeRoot(new TileNodes((level, index) => this.tile(level, index)), this.size);
    } catch (error) {
      if (!(error instanceof TileMissingError)) throw error;
    }
    if (root && !sameHash(root, this.checkpoint.root)) {
      this.problem({ code: "bad-tile", message: `the tiles do not lead to the signed root of the tree of ${this.size}: the tiles or the checkpoint were changed` });
    } else if (root && bad === 0) {
      passed.push(`${present.length} tiles (C2SP tlog-tiles) recomputed: each full tile hashes into the tile above it, and they lead to the signed root`);
    }
  }
  /** The tiles above a set of entries given as runs of sequence numbers, at every level. */
  tilesOf(runs) {
    const tiles = [];
    for (let level = 0; level < this.levels; level += 1) {
      const span = 2 ** (tileHeight * (level + 1));
      let last = -1;
      for (const [first, end] of runs) {
        for (let index = Math.max(last + 1, Math.floor(first / span)); index <= Math.floor(Math.min(end, this.size - 1) / span); index += 1) {
          const width = widthOf(this.size, level, index);
          if (width > 0) tiles.push({ level, index, width });
          last = index;
        }
      }
    }
    return tiles;
  }
  /** Node source over the bundle's tiles, for proofs. */
  nodes() {
    return new TileNodes((level, index) => this.tile(level, index));
  }
};
function checkCaseProofs(source, sums, selection, checkpoint, noteText, tiles, problem) {
  const ranges = /* @__PURE__ */ new Map();
  for (const { seq, line, leaf } of selection.kept()) {
    const file = proofFileName(seq);
    if (!sums.deferred.has(file) || sums.read.has(file)) continue;
    let expected = null;
    try {
      expected = inclusionProof(tiles.nodes(), seq, checkpoint.size, ranges);
    } catch (error) {
      if (!(error instanceof TileMissingError)) throw error;
    }
    checkProof(source, seq, line, leaf, checkpoint, noteText, sums, problem, expected);
  }
}
var SelectionTracker = class {
  runs = [];
  digest = createHash3("sha256");
  pending = null;
  closingEntry = null;
  few = [];
  count = 0;
  add(seq, line, leaf) {
    const entry = { seq, line, leaf };
    if (this.pending) this.digest.update(this.pending.leaf);
    this.pending = entry;
    this.count += 1;
    const last = this.runs[this.runs.length - 1];
    if (last && entry.seq === last[1] + 1) last[1] = entry.seq;
    else this.runs.push([entry.seq, entry.seq]);
    if (this.few) {
      this.few.push(entry);
      if (this.few.length > 1e5) this.few = null;
    }
  }
  /** The last entry with what it says, read from its line (the bytes of the file's last line). */
  closing(lastLine) {
    if (!this.pending || !lastLine) return null;
    let parsed = {};
    try {
      parsed = JSON.parse(text(lastLine));
    } catch {
    }
    this.closingEntry = { ...this.pending, action: String(parsed.action), details: parsed.details ?? {} };
    return this.closingEntry;
  }
  /** The entries, while few enough were kept (case exports and small logs). */
  kept() {
    return this.few ?? [];
  }
  /** Runs of the sequence numbers seen, the closing entry included. */
  seenRuns() {
    return this.runs;
  }
  check(checkpoint, problem, passed) {
    const last = this.closingEntry;
    if (!last || last.action !== exportAction) {
      problem({ code: "truncated", file: bundleFiles.entries, message: "the log is truncated: the closing export entry (which lists the selection) is missing" });
      return;
    }
    if (last.seq !== checkpoint.size - 1) {
      problem({ code: "truncated", file: bundleFiles.entries, seq: last.seq, message: `the export entry is seq ${last.seq} but the checkpoint covers ${checkpoint.size} entries` });
    }
    const details = last.details;
    const count = Number(details.count);
    const expected = expectedRuns(details, count);
    const seen = withoutSeq(this.runs, last.seq);
    const missing = takeSeqs(runsMinus(expected, seen), 51);
    for (const seq of missing.slice(0, 50)) problem({ code: "missing-entry", file: bundleFiles.entries, seq, message: `entry seq ${seq} is missing from entries.jsonl` });
    const missingCount = countSeqs(runsMinus(expected, seen));
    if (missingCount > 50) problem({ code: "missing-entry", file: bundleFiles.entries, message: `${missingCount - 50} more entries are missing` });
    if (expected.length > 0) {
      for (const seq of takeSeqs(runsMinus(seen, expected), 50)) {
        const entry = this.few?.find((e) => e.seq === seq);
        problem({ code: "changed-entry", file: bundleFiles.entries, seq, line: entry?.line, message: `entry seq ${seq}${entry ? ` on line ${entry.line}` : ""} was not part of the export` });
      }
    }
    const selected = this.count - 1;
    if (selected !== count && missingCount === 0) {
      problem({ code: "missing-entry", file: bundleFiles.entries, message: `the export lists ${count} entries but entries.jsonl holds ${selected}` });
    }
    if (this.digest.digest("hex") !== details.selectionSha256 && missingCount === 0 && selected === count) {
      problem({ code: "changed-entry", file: bundleFiles.entries, message: "the entries differ from the selection the export recorded" });
    }
    if (missingCount === 0 && selected === count) {
      passed.push(`all ${count} selected entries present (${String(details.scope)}), followed by the entry that records this export`);
    }
  }
};
function expectedRuns(details, count) {
  if (Array.isArray(details.runs)) {
    return details.runs.filter((r) => Array.isArray(r) && r.length === 2 && r.every((n) => Number.isSafeInteger(n)) && r[0] <= r[1]);
  }
  if (Array.isArray(details.seqs)) {
    const runs = [];
    for (const seq of [...details.seqs].filter((n) => Number.isSafeInteger(n)).sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last && seq <= last[1] + 1) last[1] = Math.max(last[1], seq);
      else runs.push([seq, seq]);
    }
    return runs;
  }
  return details.scope === "all" && Number.isSafeInteger(count) && count > 0 ? [[0, count - 1]] : [];
}
function withoutSeq(runs, seq) {
  return runsMinus(
    runs.map(([a, b]) => [a, b]),
    [[seq, seq]]
  );
}
function runsMinus(a, b) {
  const sortedB = [...b].sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [first, last] of [...a].sort((x, y) => x[0] - y[0])) {
    let from = first;
    for (const [bf, bl] of sortedB) {
      if (bl < from || bf > last) continue;
      if (bf > from) out.push([from, bf - 1]);
      from = Math.max(from, bl + 1);
      if (from > last) break;
    }
    if (from <= last) out.push([from, last]);
  }
  return out;
}
function takeSeqs(runs, limit) {
  const seqs = [];
  for (const [first, last] of runs) for (let s = first; s <= last && seqs.length < limit; s += 1) seqs.push(s);
  return seqs;
}
function countSeqs(runs) {
  return runs.reduce((n, [first, last]) => n + last - first + 1, 0);
}
function readBundleKey(source, problem) {
  const bytes = source.read(bundleFiles.verifierKey);
  if (!bytes) {
    problem({ code: "missing-file", file: bundleFiles.verifierKey, message: "log.vkey (the note verifier key) is missing" });
    return null;
  }
  try {
    return parseVerifierKey(text(bytes));
  } catch (error) {
    problem({ code: "malformed", file: bundleFiles.verifierKey, message: `log.vkey cannot be read: ${error.message}` });
    return null;
  }
}
function checkDetachedSignature(source, noteText, key, problem, passed) {
  const body = source.read(bundleFiles.checkpointBody);
  const sig = source.read(bundleFiles.checkpointSig);
  if (!body || !sig) {
    problem({ code: "missing-file", file: body ? bundleFiles.checkpointSig : bundleFiles.checkpointBody, message: "the detached checkpoint body or signature is missing" });
    return;
  }
  if (text(body) !== noteText) problem({ code: "malformed", file: bundleFiles.checkpointBody, message: "checkpoint.body differs from the signed checkpoint" });
  if (key && !verifyBytes(key.publicKey, body, sig)) {
    problem({ code: "bad-signature", file: bundleFiles.checkpointSig, message: "checkpoint.sig is not a valid signature of checkpoint.body by log.pub.pem" });
  } else if (key) {
    passed.push("checkpoint.sig verifies over checkpoint.body (the openssl pkeyutl check)");
  }
}
function checkCosignatures(noteText, signatures, witnessKeys, problem, passed) {
  for (const keyText of witnessKeys) {
    let key;
    try {
      key = parseVerifierKey(keyText);
    } catch (error) {
      problem({ code: "malformed", message: `a witness key cannot be read: ${error.message}` });
      continue;
    }
    const line = signatures.find((s) => s.name === key.name);
    const timestamp = line ? verifyCosignature(noteText, line, key) : null;
    if (timestamp === null) problem({ code: "bad-cosignature", file: bundleFiles.checkpoint, message: `no valid cosignature by witness ${key.name}` });
    else passed.push(`cosigned by witness ${key.name} at ${new Date(Number(timestamp) * 1e3).toISOString()}`);
  }
}
function wholeLogTree(leaves, checkpoint) {
  if (leaves.length !== checkpoint.size || leaves.some((l, i) => l.seq !== i)) return null;
  const tree = new MemoryTree();
  for (const l of leaves) tree.appendLeafHash(l.leaf);
  return sameHash(tree.root(), checkpoint.root) ? tree : null;
}
function checkProof(source, seq, line, leaf, checkpoint, noteText, sums, problem, expected) {
  const file = proofFileName(seq);
  const bytes = readChecked(source, sums, file, problem);
  if (!bytes) {
    problem({ code: "missing-file", file, seq, line, message: `the proof of seq ${seq} (${file}) is missing` });
    return;
  }
  const changedFiles = sums.changed;
  let proof;
  try {
    proof = parseTlogProof(text(bytes));
  } catch (error) {
    problem({ code: "bad-proof", file, seq, line, message: `${file} cannot be read: ${error.message}` });
    return;
  }
  if (proof.index !== seq) {
    problem({ code: "bad-proof", file, seq, line, message: `${file} proves index ${proof.index}, not seq ${seq}` });
    return;
  }
  let proofCheckpoint;
  try {
    proofCheckpoint = parseNote(proof.checkpoint).text;
  } catch {
    proofCheckpoint = "";
  }
  if (proofCheckpoint !== noteText) {
    problem({ code: "bad-proof", file, seq, line, message: `${file} refers to another checkpoint than the bundle's` });
    return;
  }
  const matchesTree = expected !== null && expected.length === proof.hashes.length && expected.every((h, i) => sameHash(h, proof.hashes[i]));
  const failure = matchesTree ? null : verifyInclusion(seq, checkpoint.size, leaf, proof.hashes, checkpoint.root);
  if (failure) {
    const proofChanged = changedFiles.has(file);
    const entryChanged = changedFiles.has(bundleFiles.entries);
    problem(
      entryChanged || !proofChanged ? { code: "changed-entry", file: bundleFiles.entries, seq, line, message: `entry seq ${seq} on line ${line} does not match its inclusion proof: its bytes were changed (${failure})` } : { code: "bad-proof", file, seq, line, message: `${file} does not prove seq ${seq}: ${failure}` }
    );
  }
}
function checkTrustedCheckpoint(source, trustedNote, checkpoint, keys, problem, passed) {
  let trusted;
  try {
    const note = parseNote(trustedNote);
    trusted = parseCheckpoint(note.text);
    if (!keys.some((k) => note.signatures.some((s) => verifyNoteSignature(note.text, s, k)))) {
      problem({ code: "unknown-key", message: "the trusted checkpoint is not signed by a trusted key" });
    }
  } catch (error) {
    problem({ code: "malformed", message: `the trusted checkpoint cannot be read: ${error.message}` });
    return;
  }
  if (trusted.origin !== checkpoint.origin) {
    problem({ code: "inconsistent", message: `the trusted checkpoint is for log ${trusted.origin}, the bundle for ${checkpoint.origin}` });
    return;
  }
  if (trusted.size > checkpoint.size) {
    problem({ code: "truncated", message: `the log is truncated: a trusted checkpoint has ${trusted.size} entries, the bundle's only ${checkpoint.size}` });
    return;
  }
  if (trusted.size === checkpoint.size) {
    if (sameHash(trusted.root, checkpoint.root)) passed.push(`consistent with the trusted checkpoint of size ${trusted.size}`);
    else problem({ code: "inconsistent", message: `the bundle's checkpoint and the trusted one have the same size ${trusted.size} but different roots: history was rewritten` });
    return;
  }
  const proofs = parseConsistencyProofs(text(source.read(bundleFiles.consistency) ?? new Uint8Array()));
  const proof = proofs.get(trusted.size);
  if (!proof) {
    problem({ code: "inconsistent", message: `the bundle carries no consistency proof from size ${trusted.size}` });
    return;
  }
  const failure = verifyConsistency(trusted.size, checkpoint.size, proof, trusted.root, checkpoint.root);
  if (failure) problem({ code: "inconsistent", message: `the bundle is not consistent with the trusted checkpoint of size ${trusted.size}: ${failure}; history was rewritten` });
  else passed.push(`consistent with the trusted checkpoint of size ${trusted.size}`);
}
function parseConsistencyProofs(textValue) {
  const proofs = /* @__PURE__ */ new Map();
  for (const block of textValue.split("\n\n")) {
    const lines = block.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    const match = /^size (\d+)$/.exec(lines[0] ?? "");
    if (match) proofs.set(Number(match[1]), lines.slice(1).map((l) => new Uint8Array(Buffer.from(l, "base64"))));
  }
  return proofs;
}
function progressPrinter(write) {
  let shown = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.floor(done / total * 100) : 100;
    if (percent < shown + 5 && percent < 100) return;
    if (shown === 100) return;
    shown = percent;
    write(`\rverifying entries.jsonl: ${percent}% (${(done / 1e6).toFixed(0)} of ${(total / 1e6).toFixed(0)} MB)${percent >= 100 ? "\n" : ""}`);
  };
}
function formatReport(report) {
  const lines = [report.valid ? "VALID" : "INVALID"];
  if (report.origin) lines.push(`log: ${report.origin}, tree size ${report.treeSize}, ${report.entries} entries in the bundle`);
  if (report.keyFingerprint) lines.push(`log key SHA-256 fingerprint: ${report.keyFingerprint}${report.keyTrusted ? " (trusted key given)" : " (from the bundle itself: compare it with the one shown on the workstation)"}`);
  for (const p of report.passed) lines.push(`  ok  ${p}`);
  for (const p of report.problems) lines.push(`  FAIL ${p.message}${p.file ? ` [${p.file}${p.line ? `:${p.line}` : ""}]` : ""}`);
  return lines.join("\n");
}

// main/services/audit/verify-main.ts
async function main(argv) {
  const trustedKeys = [];
  const witnessKeys = [];
  let trustedCheckpoint;
  let target;
  let json = false;
  let progress = false;
  let workers = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === void 0) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--trusted-key") trustedKeys.push(readKey(value()));
    else if (arg === "--witness-key") witnessKeys.push(readKey(value()));
    else if (arg === "--trusted-checkpoint") trustedCheckpoint = readFileSync2(value(), "utf8");
    else if (arg === "--json") json = true;
    else if (arg === "--progress") progress = true;
    else if (arg === "--workers") workers = parseWorkers(value());
    else if (arg === "--help" || arg === "-h") {
      console.log("usage: node verify.mjs [BUNDLE_DIR_OR_ZIP] [--trusted-key KEY_OR_FILE] [--trusted-checkpoint FILE] [--witness-key KEY_OR_FILE] [--json] [--progress] [--workers N|auto]");
      return 0;
    } else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else target = arg;
  }
  const path = target ?? dirname(fileURLToPath(import.meta.url));
  const source = statSync2(path).isDirectory() ? folderSource(path) : zipFileSource(path);
  const options = { trustedKeys, witnessKeys, trustedCheckpoint, workers };
  const report = await verifyBundleAsync(source, options, progress ? progressPrinter((line) => process.stderr.write(line)) : void 0);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.valid ? 0 : 1;
}
function parseWorkers(value) {
  if (value === "auto") return defaultWorkers();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error("--workers takes a number from 0 to 64, or auto");
  return n;
}
function readKey(value) {
  try {
    if (statSync2(value).isFile()) return readFileSync2(value, "utf8").trim();
  } catch {
  }
  return value;
}
main(process.argv.slice(2)).then(
  (code) => process.exitCode = code,
  (error) => {
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
  }
);
