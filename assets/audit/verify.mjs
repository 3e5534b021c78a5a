// Dalel audit bundle verifier: checks entries, proofs, checkpoint and checksums offline. Node.js >= 18, no packages.

// main/services/audit/verify-main.ts
import { readFileSync as readFileSync2, statSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

// main/services/audit/bundle-verify.ts
import { createHash as createHash3 } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
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
  const windowSize = 8 << 20;
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
      if (length > windowSize / 2) return readAt(offset, length);
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
  const decoder = new TextDecoder();
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
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
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
function crc32Of(bytes) {
  return nativeCrc32 ? nativeCrc32(bytes) >>> 0 : crc32Portable(bytes);
}
function crc32Portable(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 4294967295;
  for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function readZipEntry(input, entry, maxBytes) {
  const source = asSource(input);
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
  if (entry.uncompressedSize > maxBytes) throw new ZipFormatError("too-large", `zip entry ${entry.name} is too large once unpacked`);
  const dataStart = local + 30 + nameLength + dv.getUint16(28, true);
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

// main/services/audit/merkle.ts
import { createHash } from "node:crypto";
var emptyRoot = new Uint8Array(createHash("sha256").digest());
function hashLeaf(entry) {
  return new Uint8Array(createHash("sha256").update(Uint8Array.of(0)).update(entry).digest());
}
function hashChildren(left, right) {
  return new Uint8Array(createHash("sha256").update(Uint8Array.of(1)).update(left).update(right).digest());
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
    let hash2 = cache.get(key);
    if (!hash2) {
      hash2 = rangeHash(source, begin, end);
      cache.set(key, hash2);
    }
    return hash2;
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
  let hash = pieces[pieces.length - 1];
  for (let i = pieces.length - 2; i >= 0; i -= 1) hash = hashChildren(pieces[i], hash);
  return hash;
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
    let hash = leaf;
    for (; ; ) {
      const row = this.levels[level] ??= [];
      row.push(hash);
      const index = row.length - 1;
      if (index % 2 === 0) return;
      hash = hashChildren(row[index - 1], hash);
      level += 1;
    }
  }
  node(level, index) {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    return hash;
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
    const hash = new Uint8Array(Buffer.from(lines[at], "base64"));
    if (hash.length !== 32) throw new Error(`malformed tlog-proof: line ${at + 1} is not a hash`);
    hashes.push(hash);
    at += 1;
  }
  if (lines[at] !== "") throw new Error("malformed tlog-proof: no blank line before the checkpoint");
  return { index: Number(indexMatch[1]), hashes, checkpoint: lines.slice(at + 1).join("\n"), extra };
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
  proofs: "proofs"
};
var exportAction = "audit.exported";
function proofFileName(seq) {
  return `${bundleFiles.proofs}/${String(seq).padStart(10, "0")}.tlog-proof`;
}
function zipFileSource(path) {
  return zipSource(fileByteSource(path));
}
function folderSource(dir) {
  return {
    read(name) {
      try {
        return new Uint8Array(readFileSync(join(dir, name)));
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
    names: () => [...byName.keys()]
  };
}
var text = (bytes) => new TextDecoder("utf-8", { fatal: false }).decode(bytes);
var sha256 = (bytes) => createHash3("sha256").update(bytes).digest("hex");
function verifyBundle(source, options = {}) {
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
  const entryBytes = source.read(bundleFiles.entries);
  if (!entryBytes) {
    problem({ code: "missing-file", file: bundleFiles.entries, message: "entries.jsonl is missing" });
    return report({ origin: checkpoint.origin, treeSize: checkpoint.size, keyTrusted, keyFingerprint: bundleKey ? sha256(bundleKey.publicKey) : null });
  }
  const lines = splitLines(entryBytes);
  if (lines.truncatedTail) {
    problem({ code: "truncated", file: bundleFiles.entries, line: lines.items.length + 1, message: "entries.jsonl is truncated: its last line is incomplete" });
  }
  const leaves = [];
  let previousSeq = -1;
  lines.items.forEach((bytes, i) => {
    const line = i + 1;
    let entry;
    try {
      entry = JSON.parse(text(bytes));
    } catch {
      problem({ code: "changed-entry", file: bundleFiles.entries, line, message: `line ${line} is not valid JSON: the entry was changed` });
      return;
    }
    const seq = entry.seq;
    if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 0) {
      problem({ code: "changed-entry", file: bundleFiles.entries, line, message: `line ${line} has no valid sequence number` });
      return;
    }
    if (seq <= previousSeq) {
      problem({ code: "reordered", file: bundleFiles.entries, line, seq, message: `line ${line} (seq ${seq}) comes after seq ${previousSeq}: entries are out of order` });
    }
    previousSeq = Math.max(previousSeq, seq);
    leaves.push({ seq, leaf: hashLeaf(bytes), line, action: String(entry.action), details: entry.details ?? {} });
  });
  const expected = wholeLogTree(leaves, checkpoint);
  const ranges = /* @__PURE__ */ new Map();
  for (const { seq, line, leaf } of leaves) {
    checkProof(source, seq, line, leaf, checkpoint, noteText, sums, problem, expected ? inclusionProof(expected, seq, checkpoint.size, ranges) : null);
  }
  for (const [name, digest] of sums.proofs) {
    const bytes = source.read(name);
    if (!bytes) problem({ code: "missing-file", file: name, message: `${name} is listed in SHA256SUMS but missing` });
    else if (sha256(bytes) !== digest) problem({ code: "checksum-mismatch", file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
  }
  if (leaves.length > 0 && !problems.some((p) => p.code === "changed-entry" || p.code === "bad-proof" || p.code === "reordered")) {
    const last = leaves[leaves.length - 1];
    const closing = last.action === exportAction ? ` (${leaves.length - 1} selected entries and the export's own entry, which records what was selected)` : "";
    passed.push(`${leaves.length} entries each proven included in the tree of ${checkpoint.size}${closing}`);
  }
  checkSelection(leaves, checkpoint, problem, passed);
  if (options.trustedCheckpoint) checkTrustedCheckpoint(source, options.trustedCheckpoint, checkpoint, keys, problem, passed);
  return report({
    origin: checkpoint.origin,
    treeSize: checkpoint.size,
    entries: leaves.length,
    selectedEntries: leaves[leaves.length - 1]?.action === exportAction ? leaves.length - 1 : null,
    keyTrusted,
    keyFingerprint: signer ?? bundleKey ? sha256((signer ?? bundleKey).publicKey) : null
  });
}
function checkSums(source, problem, passed) {
  const changed = /* @__PURE__ */ new Set();
  const proofs = /* @__PURE__ */ new Map();
  const sums = source.read(bundleFiles.sums);
  if (!sums) {
    problem({ code: "missing-file", file: bundleFiles.sums, message: "SHA256SUMS is missing" });
    return { proofs, changed };
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
    if (name.startsWith(`${bundleFiles.proofs}/`)) {
      proofs.set(name, match[1]);
      continue;
    }
    const bytes = source.read(name);
    if (!bytes) {
      changed.add(name);
      problem({ code: "missing-file", file: name, message: `${name} is listed in SHA256SUMS but missing` });
    } else if (sha256(bytes) !== match[1]) {
      changed.add(name);
      problem({ code: "checksum-mismatch", file: name, message: `${name} has been changed since export (SHA-256 differs from SHA256SUMS)` });
    }
  }
  for (const name of source.names()) {
    if (name !== bundleFiles.sums && !listed.has(name)) problem({ code: "unlisted-file", file: name, message: `${name} is not listed in SHA256SUMS` });
  }
  if (changed.size === 0) passed.push(`${listed.size - proofs.size} files match SHA256SUMS (the ${proofs.size} proofs are checked as they are read)`);
  return { proofs, changed };
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
function splitLines(bytes) {
  const items = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 10) {
      items.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return { items, truncatedTail: start < bytes.length };
}
function wholeLogTree(leaves, checkpoint) {
  if (leaves.length !== checkpoint.size || leaves.some((l, i) => l.seq !== i)) return null;
  const tree = new MemoryTree();
  for (const l of leaves) tree.appendLeafHash(l.leaf);
  return sameHash(tree.root(), checkpoint.root) ? tree : null;
}
function checkProof(source, seq, line, leaf, checkpoint, noteText, sums, problem, expected) {
  const file = proofFileName(seq);
  const bytes = source.read(file);
  const listed = sums.proofs.get(file);
  sums.proofs.delete(file);
  if (!bytes) {
    problem({ code: "missing-file", file, seq, line, message: `the proof of seq ${seq} (${file}) is missing` });
    return;
  }
  if (listed === void 0) {
    problem({ code: "unlisted-file", file, seq, message: `${file} is not listed in SHA256SUMS` });
  } else if (sha256(bytes) !== listed) {
    sums.changed.add(file);
    problem({ code: "checksum-mismatch", file, seq, message: `${file} has been changed since export (SHA-256 differs from SHA256SUMS)` });
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
function checkSelection(leaves, checkpoint, problem, passed) {
  const last = leaves[leaves.length - 1];
  if (!last || last.action !== exportAction) {
    problem({ code: "truncated", file: bundleFiles.entries, message: "the log is truncated: the closing export entry (which lists the selection) is missing" });
    return;
  }
  if (last.seq !== checkpoint.size - 1) {
    problem({ code: "truncated", file: bundleFiles.entries, seq: last.seq, message: `the export entry is seq ${last.seq} but the checkpoint covers ${checkpoint.size} entries` });
  }
  const details = last.details;
  const selected = leaves.slice(0, -1);
  const count = Number(details.count);
  const expectedSeqs = Array.isArray(details.seqs) ? details.seqs : details.scope === "all" ? Array.from({ length: count }, (_, i) => i) : [];
  const present = new Set(selected.map((l) => l.seq));
  const missing = expectedSeqs.filter((s) => !present.has(s));
  for (const seq of missing.slice(0, 50)) problem({ code: "missing-entry", file: bundleFiles.entries, seq, message: `entry seq ${seq} is missing from entries.jsonl` });
  if (missing.length > 50) problem({ code: "missing-entry", file: bundleFiles.entries, message: `${missing.length - 50} more entries are missing` });
  const expected = new Set(expectedSeqs);
  for (const extra of selected.filter((l) => expectedSeqs.length > 0 && !expected.has(l.seq))) {
    problem({ code: "changed-entry", file: bundleFiles.entries, seq: extra.seq, line: extra.line, message: `entry seq ${extra.seq} on line ${extra.line} was not part of the export` });
  }
  if (selected.length !== count && missing.length === 0) {
    problem({ code: "missing-entry", file: bundleFiles.entries, message: `the export lists ${count} entries but entries.jsonl holds ${selected.length}` });
  }
  const digest = createHash3("sha256");
  for (const l of selected) digest.update(l.leaf);
  if (digest.digest("hex") !== details.selectionSha256 && missing.length === 0 && selected.length === count) {
    problem({ code: "changed-entry", file: bundleFiles.entries, message: "the entries differ from the selection the export recorded" });
  }
  if (missing.length === 0 && selected.length === count) {
    passed.push(`all ${count} selected entries present (${String(details.scope)}), followed by the entry that records this export`);
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
function formatReport(report) {
  const lines = [report.valid ? "VALID" : "INVALID"];
  if (report.origin) lines.push(`log: ${report.origin}, tree size ${report.treeSize}, ${report.entries} entries in the bundle`);
  if (report.keyFingerprint) lines.push(`log key SHA-256 fingerprint: ${report.keyFingerprint}${report.keyTrusted ? " (trusted key given)" : " (from the bundle itself: compare it with the one shown on the workstation)"}`);
  for (const p of report.passed) lines.push(`  ok  ${p}`);
  for (const p of report.problems) lines.push(`  FAIL ${p.message}${p.file ? ` [${p.file}${p.line ? `:${p.line}` : ""}]` : ""}`);
  return lines.join("\n");
}

// main/services/audit/verify-main.ts
function main(argv) {
  const trustedKeys = [];
  const witnessKeys = [];
  let trustedCheckpoint;
  let target;
  let json = false;
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
    else if (arg === "--help" || arg === "-h") {
      console.log("usage: node verify.mjs [BUNDLE_DIR_OR_ZIP] [--trusted-key KEY_OR_FILE] [--trusted-checkpoint FILE] [--witness-key KEY_OR_FILE] [--json]");
      return 0;
    } else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else target = arg;
  }
  const path = target ?? dirname(fileURLToPath(import.meta.url));
  const source = statSync(path).isDirectory() ? folderSource(path) : zipFileSource(path);
  const options = { trustedKeys, witnessKeys, trustedCheckpoint };
  const report = verifyBundle(source, options);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.valid ? 0 : 1;
}
function readKey(value) {
  try {
    if (statSync(value).isFile()) return readFileSync2(value, "utf8").trim();
  } catch {
  }
  return value;
}
try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`error: ${error.message}`);
  process.exitCode = 2;
}
