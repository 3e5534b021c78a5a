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
