/**
 * The clerk's CSV trail (entries.csv), built straight from each entry's stored canonical JSON text: one scan finds the
 * members' values as slices of the text, so a million rows cost no JSON.parse, no object per entry and no re-stringify
 * of the nested objects (canonical JSON is already what JSON.stringify of them gave).
 */

/** The CSV header line, newline included. */
export const csvHeader = 'seq,at,actor,role,action,case_id,subjects,inputs,outputs,meaning,supersedes,entry_sha256\n';

const quote = 0x22;
const backslash = 0x5c;

/**
 * Where the members of one JSON object lie in a text: for member k, its key and the span of its value (strings with
 * their quotes). Reused from entry to entry: the scan allocates only the key strings.
 */
export class MemberSpans {
  readonly keys: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  count = 0;

  /** Reads the members of the object at `start` (its `{`) up to its `}`; false when the text is not such an object. */
  scan(text: string, start: number, end: number): boolean {
    this.count = 0;
    if (text.charCodeAt(start) !== 0x7b) return false;
    let i = start + 1;
    if (text.charCodeAt(i) === 0x7d) return true;
    while (i < end) {
      if (text.charCodeAt(i) !== quote) return false;
      const keyEnd = stringEnd(text, i, end);
      if (keyEnd < 0 || text.charCodeAt(keyEnd) !== 0x3a) return false;
      const key = text.slice(i + 1, keyEnd - 1);
      const valueEnd = valueEndAt(text, keyEnd + 1, end);
      if (valueEnd < 0) return false;
      this.keys[this.count] = key.includes('\\') ? (JSON.parse(`"${key}"`) as string) : key;
      this.starts[this.count] = keyEnd + 1;
      this.ends[this.count] = valueEnd;
      this.count += 1;
      const next = text.charCodeAt(valueEnd);
      if (next === 0x7d) return true;
      if (next !== 0x2c) return false;
      i = valueEnd + 1;
    }
    return false;
  }

  /** The index of a member, or −1. */
  find(key: string): number {
    for (let k = 0; k < this.count; k += 1) if (this.keys[k] === key) return k;
    return -1;
  }
}

/** The index just past the string whose opening quote is at `at`; −1 when it does not end. Jumps to each quote natively. */
function stringEnd(text: string, at: number, end: number): number {
  for (let from = at + 1; ; ) {
    const q = text.indexOf('"', from);
    if (q < 0 || q >= end) return -1;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === backslash) slashes += 1;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** The index just past the JSON value starting at `at` (no whitespace: canonical JSON); −1 when it does not end. */
function valueEndAt(text: string, at: number, end: number): number {
  const first = text.charCodeAt(at);
  if (first === quote) return stringEnd(text, at, end);
  if (first !== 0x7b && first !== 0x5b) {
    let i = at;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x7d || c === 0x5d) break;
      i += 1;
    }
    return i > at ? i : -1;
  }
  let depth = 0;
  for (let i = at; i < end; ) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      i = stringEnd(text, i, end);
      if (i < 0) return -1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth += 1;
    else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return -1;
}

/** A JSON string value's text (its slice when it holds no escapes); a number or literal as written; '' for null. */
function plain(raw: string): string {
  if (raw.charCodeAt(0) !== quote) return raw === 'null' ? '' : raw;
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

const needsQuotes = /[",\n\r]/;

/** One CSV cell, made safe: spreadsheets run cells that start with = + - @ (or tab, CR) as formulas, so those get an apostrophe. */
export function csvCell(value: string): string {
  const c = value.charCodeAt(0);
  const s = c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d ? `'${value}` : value;
  return needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A JSON object's text as a CSV cell: it holds quotes unless empty, so it is always quoted. */
function objectCell(raw: string): string {
  return raw === '{}' ? raw : `"${raw.replaceAll('"', '""')}"`;
}

/** Builds entries.csv rows from stored entries; one instance per export (it reuses its scan buffers). */
export class CsvRows {
  private readonly top = new MemberSpans();
  private readonly inner = new MemberSpans();
  /** The action of the entry last made a row (the PDF summary counts them). */
  action = '';
  /** The time of the entry last made a row. */
  at = '';

  /** The CSV line of an entry (no newline); `entryHash` is its leaf hash in hex. Throws when the entry is not a JSON object. */
  row(text: string, entryHash: string): string {
    const top = this.top;
    if (!top.scan(text, 0, text.length)) throw new Error(`audit entry is not a canonical JSON object: ${text.slice(0, 80)}`);
    let actor = 'workstation';
    let role = '';
    const actorAt = top.find('actor');
    if (actorAt >= 0 && this.inner.scan(text, top.starts[actorAt]!, top.ends[actorAt]!)) {
      role = this.innerValue(text, 'role');
      actor = `${this.innerValue(text, 'username')} (${role})`;
    }
    let caseId = '';
    const subjectsAt = top.find('subjects');
    if (subjectsAt >= 0 && this.inner.scan(text, top.starts[subjectsAt]!, top.ends[subjectsAt]!)) caseId = this.innerValue(text, 'caseId');
    const seq = this.raw(text, 'seq') ?? '';
    const meaning = this.raw(text, 'meaning');
    const supersedes = this.raw(text, 'supersedes');
    this.action = plain(this.raw(text, 'action') ?? '""');
    this.at = plain(this.raw(text, 'at') ?? '""');
    const supersedesCell = supersedes === null ? '' : supersedes.charCodeAt(0) === quote ? csvCell(plain(supersedes)) : plain(supersedes);
    return `${seq},${csvCell(this.at)},${csvCell(actor)},${csvCell(role)},${csvCell(this.action)},${csvCell(caseId)},${this.objectCell(text, 'subjects')},${this.objectCell(text, 'inputs')},${this.objectCell(text, 'outputs')},${meaning === null ? '' : csvCell(plain(meaning))},${supersedesCell},${entryHash}`;
  }

  /** A top-level member's value as written, or null when the entry has none. */
  private raw(text: string, key: string): string | null {
    const k = this.top.find(key);
    return k < 0 ? null : text.slice(this.top.starts[k], this.top.ends[k]);
  }

  /** A top-level object member as a cell: `{}` when absent or null. */
  private objectCell(text: string, key: string): string {
    const value = this.raw(text, key);
    return value === null || value === 'null' ? '{}' : objectCell(value);
  }

  private innerValue(text: string, key: string): string {
    const k = this.inner.find(key);
    return k < 0 ? '' : plain(text.slice(this.inner.starts[k], this.inner.ends[k]));
  }
}

const comma = 0x2c;
const hexDigits = Buffer.from('0123456789abcdef', 'latin1');
const keyNames = ['seq', 'at', 'actor', 'action', 'subjects', 'inputs', 'outputs', 'meaning', 'supersedes', 'username', 'role', 'caseId'] as const;
const keyBytes = keyNames.map((k) => Buffer.from(k, 'latin1'));
const [kSeq, kAt, kActor, kAction, kSubjects, kInputs, kOutputs, kMeaning, kSupersedes, kUsername, kRole, kCaseId] = keyNames.map((_, i) => i) as number[] as [
  number, number, number, number, number, number, number, number, number, number, number, number,
];

/** The id in `keyNames` of the key spanning [start, end) of `b`, or −1. */
function keyId(b: Uint8Array, start: number, end: number): number {
  const length = end - start;
  for (let k = 0; k < keyBytes.length; k += 1) {
    const name = keyBytes[k]!;
    if (name.length !== length) continue;
    let i = 0;
    while (i < length && b[start + i] === name[i]) i += 1;
    if (i === length) return k;
  }
  return -1;
}

/**
 * The index just past the JSON value at `at` in bytes that hold no backslash (so a string ends at its next quote);
 * −1 when it does not end before `end`.
 */
function byteValueEnd(b: Uint8Array, at: number, end: number): number {
  const first = b[at];
  if (first === quote) {
    for (let i = at + 1; i < end; i += 1) if (b[i] === quote) return i + 1;
    return -1;
  }
  if (first !== 0x7b && first !== 0x5b) {
    let i = at;
    while (i < end) {
      const c = b[i];
      if (c === comma || c === 0x7d || c === 0x5d) break;
      i += 1;
    }
    return i > at ? i : -1;
  }
  let depth = 0;
  for (let i = at; i < end; i += 1) {
    const c = b[i];
    if (c === quote) {
      i += 1;
      while (i < end && b[i] !== quote) i += 1;
      if (i >= end) return -1;
    } else if (c === 0x7b || c === 0x5b) depth += 1;
    else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Where the members of the top-level actor and subjects objects lie, read in the same pass as the top level. */
interface Nested {
  readonly actor: Spans;
  readonly subjects: Spans;
}

/** The spans of the members named in `keyNames` (−1: absent), and whether the object was read whole. */
interface Spans {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  ok: boolean;
}

/**
 * Finds the members named in `keyNames` of the object at `start` (its `{`), first occurrence each, into `into`
 * (−1 when absent); returns the index just past its `}`, or −1 when the bytes are not such an object. With `nested`,
 * the actor and subjects objects are read into theirs on the way, instead of in a second pass.
 */
function scanMembers(b: Uint8Array, start: number, end: number, into: Spans, nested: Nested | null): number {
  const starts = into.starts;
  const ends = into.ends;
  starts.fill(-1);
  if (nested) nested.actor.ok = nested.subjects.ok = false;
  if (b[start] !== 0x7b) return -1;
  let i = start + 1;
  if (b[i] === 0x7d) return i + 1;
  while (i < end) {
    if (b[i] !== quote) return -1;
    let keyEnd = i + 1;
    while (keyEnd < end && b[keyEnd] !== quote) keyEnd += 1;
    if (keyEnd + 1 >= end || b[keyEnd + 1] !== 0x3a) return -1;
    const id = keyId(b, i + 1, keyEnd);
    const first = id >= 0 && starts[id] === -1;
    const inner = first && nested ? (id === kActor ? nested.actor : id === kSubjects ? nested.subjects : null) : null;
    let valueEnd = -1;
    if (inner && b[keyEnd + 2] === 0x7b) {
      valueEnd = scanMembers(b, keyEnd + 2, end, inner, null);
      inner.ok = valueEnd >= 0;
    }
    if (valueEnd < 0) valueEnd = byteValueEnd(b, keyEnd + 2, end);
    if (valueEnd < 0) return -1;
    if (first) {
      starts[id] = keyEnd + 2;
      ends[id] = valueEnd;
    }
    const next = b[valueEnd];
    if (next === 0x7d) return valueEnd + 1;
    if (next !== comma) return -1;
    i = valueEnd + 1;
  }
  return -1;
}

/**
 * Builds entries.csv rows as bytes, straight from the stored entry bytes into the output buffer: no string per entry,
 * no decoding. It gives the bytes of `CsvRows.row` (UTF-8), and hands an entry that holds a backslash (an escape
 * somewhere) to `CsvRows`, so escapes are read exactly as before; such entries are rare.
 */
export class CsvRowBytes {
  private readonly fallback = new CsvRows();
  private readonly top: Spans = spans();
  private readonly nested: Nested = { actor: spans(), subjects: spans() };
  /** The bytes `action` and `month` were decoded from (null: not from bytes), so a repeat costs no decoding. */
  private lastAction: Buffer | null = null;
  private lastMonth: Buffer | null = null;
  /** The action of the entry last written (the PDF summary counts them). */
  action = '';
  /** The month (YYYY-MM, the first 7 characters of its time) of the entry last written. */
  month = '';

  /**
   * The most bytes the row of an entry of `length` bytes can take, newline included: a value is written at most twice
   * (the role, the case id), each time with its quotes doubled at worst, plus the hash and separators.
   */
  static room(length: number): number {
    return 4 * length + 160;
  }

  /**
   * Writes the CSV line of `entry` and a newline into `out` from `at`, which must have `room(entry.length)` bytes free;
   * returns where the line ends. `leaf` is the entry's leaf hash. Throws when the entry is not a JSON object.
   */
  write(entry: Buffer, leaf: Uint8Array, out: Buffer, at: number): number {
    const end = entry.length;
    const { starts, ends } = this.top;
    const { actor, subjects } = this.nested;
    if (entry.indexOf(backslash) >= 0 || scanMembers(entry, 0, end, this.top, this.nested) < 0) return this.viaText(entry, leaf, out, at);
    let o = at;
    // seq, as written
    if (starts[kSeq]! >= 0) o = copyPlain(entry, starts[kSeq]!, ends[kSeq]!, out, o);
    out[o++] = comma;
    o = this.plainCell(entry, starts[kAt]!, ends[kAt]!, out, o);
    out[o++] = comma;
    // actor: "username (role)", or the workstation itself
    let roleStart = -1;
    let roleEnd = -1;
    if (actor.ok) {
      [roleStart, roleEnd] = plainSpan(entry, actor.starts[kRole]!, actor.ends[kRole]!);
      const [userStart, userEnd] = plainSpan(entry, actor.starts[kUsername]!, actor.ends[kUsername]!);
      o = actorCell(entry, userStart, userEnd, roleStart, roleEnd, out, o);
    } else {
      o += out.write('workstation', o, 'latin1');
    }
    out[o++] = comma;
    o = cell(entry, roleStart, roleEnd, out, o);
    out[o++] = comma;
    const [actionStart, actionEnd] = plainSpan(entry, starts[kAction]!, ends[kAction]!);
    o = cell(entry, actionStart, actionEnd, out, o);
    this.action = remember(entry, actionStart, actionEnd, this.lastAction, this.action, (b) => (this.lastAction = b));
    const [atStart, atEnd] = plainSpan(entry, starts[kAt]!, ends[kAt]!);
    this.month = monthOf(entry, atStart, atEnd, this.lastMonth, this.month, (b) => (this.lastMonth = b));
    out[o++] = comma;
    if (subjects.ok) {
      const [caseStart, caseEnd] = plainSpan(entry, subjects.starts[kCaseId]!, subjects.ends[kCaseId]!);
      o = cell(entry, caseStart, caseEnd, out, o);
    }
    out[o++] = comma;
    o = objectCellBytes(entry, starts[kSubjects]!, ends[kSubjects]!, out, o);
    out[o++] = comma;
    o = objectCellBytes(entry, starts[kInputs]!, ends[kInputs]!, out, o);
    out[o++] = comma;
    o = objectCellBytes(entry, starts[kOutputs]!, ends[kOutputs]!, out, o);
    out[o++] = comma;
    o = this.plainCell(entry, starts[kMeaning]!, ends[kMeaning]!, out, o);
    out[o++] = comma;
    if (starts[kSupersedes]! >= 0) {
      const [s, e] = plainSpan(entry, starts[kSupersedes]!, ends[kSupersedes]!);
      if (entry[starts[kSupersedes]!] === quote) o = cell(entry, s, e, out, o);
      else o = copyPlain(entry, s, e, out, o);
    }
    out[o++] = comma;
    for (let i = 0; i < leaf.length; i += 1) {
      out[o++] = hexDigits[leaf[i]! >> 4]!;
      out[o++] = hexDigits[leaf[i]! & 15]!;
    }
    out[o++] = 0x0a;
    return o;
  }

  /** A member's plain value (string content, number, '' for null or absent) as a safe cell. */
  private plainCell(entry: Buffer, start: number, end: number, out: Buffer, o: number): number {
    const [s, e] = plainSpan(entry, start, end);
    return cell(entry, s, e, out, o);
  }

  /** The row through the text scan (entries with escapes, or odd ones that it reports). */
  private viaText(entry: Buffer, leaf: Uint8Array, out: Buffer, at: number): number {
    const row = this.fallback.row(entry.toString('utf8'), Buffer.from(leaf.buffer, leaf.byteOffset, leaf.byteLength).toString('hex'));
    this.action = this.fallback.action;
    this.month = this.fallback.at.slice(0, 7);
    this.lastAction = null;
    this.lastMonth = null;
    const o = at + out.write(row, at, 'utf8');
    out[o] = 0x0a;
    return o + 1;
  }
}

/** Empty spans for the members named in `keyNames`. */
function spans(): Spans {
  return { starts: new Int32Array(keyNames.length), ends: new Int32Array(keyNames.length), ok: false };
}

/** The span of a member's plain value: a string's content, a number or literal as written, empty for null or absent. */
function plainSpan(b: Uint8Array, start: number, end: number): [number, number] {
  if (start < 0) return [0, 0];
  if (b[start] === quote) return [start + 1, end - 1];
  if (isNull(b, start, end)) return [0, 0];
  return [start, end];
}

/** Whether the bytes [start, end) are the literal null. */
function isNull(b: Uint8Array, start: number, end: number): boolean {
  return end - start === 4 && b[start] === 0x6e && b[start + 1] === 0x75 && b[start + 2] === 0x6c && b[start + 3] === 0x6c;
}

/** Whether a cell's bytes must be quoted: they hold a quote, a comma or a line break. */
function needsQuoting(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const c = b[i];
    if (c === quote || c === comma || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/** Whether a cell starting with this byte would run as a formula (= + - @ tab CR): `csvCell` prefixes an apostrophe. */
function formulaStart(c: number | undefined): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/** Copies bytes (cells are short: a loop costs less than a native call with its checks). */
function copyPlain(b: Uint8Array, start: number, end: number, out: Buffer, o: number): number {
  for (let i = start; i < end; i += 1) out[o++] = b[i]!;
  return o;
}

/** Copies bytes, doubling quotes. */
function copyDoubled(b: Uint8Array, start: number, end: number, out: Buffer, o: number): number {
  for (let i = start; i < end; i += 1) {
    const c = b[i]!;
    out[o++] = c;
    if (c === quote) out[o++] = quote;
  }
  return o;
}

/** `csvCell` of the bytes [start, end), written at `o`; returns the end. */
function cell(b: Uint8Array, start: number, end: number, out: Buffer, o: number): number {
  if (end <= start) return o;
  const prefix = formulaStart(b[start]);
  if (!needsQuoting(b, start, end)) {
    if (prefix) out[o++] = 0x27;
    return copyPlain(b, start, end, out, o);
  }
  out[o++] = quote;
  if (prefix) out[o++] = 0x27;
  o = copyDoubled(b, start, end, out, o);
  out[o++] = quote;
  return o;
}

/** `csvCell` of "username (role)". */
function actorCell(b: Uint8Array, userStart: number, userEnd: number, roleStart: number, roleEnd: number, out: Buffer, o: number): number {
  const first = userEnd > userStart ? b[userStart] : 0x20;
  const quoted = needsQuoting(b, userStart, userEnd) || needsQuoting(b, roleStart, roleEnd);
  if (quoted) out[o++] = quote;
  if (formulaStart(first)) out[o++] = 0x27;
  o = quoted ? copyDoubled(b, userStart, userEnd, out, o) : copyPlain(b, userStart, userEnd, out, o);
  out[o++] = 0x20;
  out[o++] = 0x28;
  o = quoted ? copyDoubled(b, roleStart, roleEnd, out, o) : copyPlain(b, roleStart, roleEnd, out, o);
  out[o++] = 0x29;
  if (quoted) out[o++] = quote;
  return o;
}

/** A top-level object member as a cell (`objectCell`): `{}` when absent or null, else its text quoted. */
function objectCellBytes(b: Uint8Array, start: number, end: number, out: Buffer, o: number): number {
  const length = end - start;
  if (start < 0 || isNull(b, start, end) || (length === 2 && b[start] === 0x7b && b[start + 1] === 0x7d)) {
    out[o++] = 0x7b;
    out[o++] = 0x7d;
    return o;
  }
  out[o++] = quote;
  o = copyDoubled(b, start, end, out, o);
  out[o++] = quote;
  return o;
}

/** The string of bytes [start, end): the one given when the bytes equal `last`, else decoded and remembered. */
function remember(b: Buffer, start: number, end: number, last: Buffer | null, lastText: string, keep: (bytes: Buffer) => void): string {
  if (last !== null && end - start === last.length) {
    let i = 0;
    while (i < last.length && b[start + i] === last[i]) i += 1;
    if (i === last.length) return lastText;
  }
  keep(Buffer.from(b.subarray(start, end)));
  return b.toString('utf8', start, end);
}

/** The first 7 characters of a time's text (its month), reusing the last one when the bytes match. */
function monthOf(b: Buffer, start: number, end: number, last: Buffer | null, lastText: string, keep: (bytes: Buffer | null) => void): string {
  const stop = Math.min(end, start + 7);
  let ascii = true;
  for (let i = start; i < stop; i += 1) if (b[i]! >= 0x80) ascii = false;
  if (!ascii) {
    keep(null);
    return b.toString('utf8', start, end).slice(0, 7);
  }
  return remember(b, start, stop, last, lastText, keep);
}
