/**
 * What the trail listing shows beside each entry in words: who (the user's display name), and what the entry is about
 * (the case number, the evidence file's name, the account concerned). Looked up from the current records when the
 * trail is read: stored entries are never changed, and the exact signed entry stays available in full.
 */
import type { AuditEntryView } from '../../contract/index.ts';
import type { Db } from '../../db/database.ts';
import type { AuditRow } from './audit-log.ts';

type Labels = Pick<AuditEntryView, 'actorName' | 'caseNumber' | 'evidenceName' | 'subjectUserName'>;

/** Resolves the names the trail listing needs, with one query per distinct id. */
export class TrailLabels {
  constructor(private readonly db: Db) {}

  /** A case's number, or null when there is no such case. */
  caseNumber(caseId: string): string | null {
    return (this.db.prepare('SELECT number FROM cases WHERE id = ?').pluck().get(caseId) as string | undefined) ?? null;
  }

  /** The labels of each row, in order. */
  label(rows: readonly AuditRow[]): Labels[] {
    const memo = new Map<string, string | null>();
    const once = (kind: string, key: string | undefined | null, sql: string): string | null => {
      if (key === undefined || key === null || key === '') return null;
      const id = `${kind}:${key}`;
      if (!memo.has(id)) memo.set(id, (this.db.prepare(sql).pluck().get(key) as string | undefined) ?? null);
      return memo.get(id)!;
    };
    return rows.map((row) => {
      const subjects = subjectsOf(row);
      return {
        actorName: once('actor', row.actor, 'SELECT display_name FROM users WHERE username = ?'),
        caseNumber: once('case', row.caseId, 'SELECT number FROM cases WHERE id = ?'),
        evidenceName: once('evidence', subjects.evidenceId, 'SELECT original_name FROM evidence WHERE id = ?'),
        subjectUserName: once('user', subjects.userId ?? subjects.judgeId, 'SELECT display_name FROM users WHERE id = ?'),
      };
    });
  }
}

function subjectsOf(row: AuditRow): Record<string, string | undefined> {
  try {
    const parsed = JSON.parse(Buffer.from(row.bytes).toString('utf8')) as { subjects?: Record<string, string> };
    return parsed.subjects ?? {};
  } catch {
    // Stored entries are canonical JSON written by the log itself; an unreadable one simply gets no labels.
    return {};
  }
}
