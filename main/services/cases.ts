import { randomUUID } from 'node:crypto';
import type { Case } from '../contract/index.ts';
import type { Db } from '../db/database.ts';
import { isoAt, type Clock } from './clock.ts';
import { DalelError } from './errors.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { Actor } from './sessions.ts';

/** New-case fields. */
export interface NewCase {
  readonly number: string;
  readonly venue: string;
  readonly caseType: Case['caseType'];
  readonly parties: string;
}

// Columns come back under the API's names, so a row is already a Case.
const selectCases = `
  SELECT c.id, c.number, c.venue, c.case_type AS caseType, c.parties, c.created_at AS createdAt, u.username AS createdBy,
         (SELECT COUNT(*) FROM evidence e WHERE e.case_id = c.id) AS evidenceCount
  FROM cases c JOIN users u ON u.id = c.created_by`;

/** Cases: create, list (with a text filter), open. */
export class CaseService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Opens a new case; case numbers are unique on a workstation. */
  create(input: NewCase, actor: Actor): Case {
    const id = randomUUID();
    const create = this.db.transaction(() => {
      const clash = this.db.prepare('SELECT id FROM cases WHERE number = ?').get(input.number);
      if (clash) throw new DalelError('CONFLICT', `Case number ${input.number} already exists.`, { number: input.number });
      this.db
        .prepare('INSERT INTO cases (id, number, venue, case_type, parties, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.number, input.venue, input.caseType, input.parties, isoAt(this.clock.now()), actor.userId);
      this.audit.append({
        action: 'case.created',
        actor,
        subjects: { caseId: id },
        details: { number: input.number, venue: input.venue, caseType: input.caseType, parties: input.parties },
      });
    });
    create.immediate();
    return this.get(id);
  }

  /** Cases, newest first, optionally filtered by a substring of number, venue or parties. */
  list(query?: string): Case[] {
    const rows = query
      ? this.db
          .prepare(`${selectCases} WHERE c.number LIKE @q ESCAPE '\\' OR c.venue LIKE @q ESCAPE '\\' OR c.parties LIKE @q ESCAPE '\\' ORDER BY c.created_at DESC`)
          .all({ q: `%${query.replace(/[%_\\]/g, (m) => `\\${m}`)}%` })
      : this.db.prepare(`${selectCases} ORDER BY c.created_at DESC`).all();
    return rows as Case[];
  }

  /** One case, or NOT_FOUND. */
  get(caseId: string): Case {
    const row = this.db.prepare(`${selectCases} WHERE c.id = ?`).get(caseId) as Case | undefined;
    if (!row) throw new DalelError('NOT_FOUND', 'No such case.', { caseId });
    return row;
  }

  /** Finds a case by its id or its number (the CLI accepts either). */
  resolve(idOrNumber: string): Case {
    const row = this.db.prepare(`${selectCases} WHERE c.id = ? OR c.number = ?`).get(idOrNumber, idOrNumber) as Case | undefined;
    if (!row) throw new DalelError('NOT_FOUND', `No case with id or number ${idOrNumber}.`, { caseId: idOrNumber });
    return row;
  }
}
