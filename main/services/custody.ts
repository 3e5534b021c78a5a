import { randomUUID } from 'node:crypto';
import type { CustodyDetails, CustodyEvent } from '../contract/index.ts';
import type { Db } from '../db/database.ts';
import { isoAt, type Clock } from './clock.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { Actor } from './sessions.ts';

/** Custody actions recorded so far, written out (the audit-trail wording test reads them here). */
export type CustodyAction = 'received' | 'received-again' | 'kind-declared' | 'analysed' | 'reported';
type ListedOnce = [CustodyAction] extends [CustodyDetails['action']] ? ([CustodyDetails['action']] extends [CustodyAction] ? true : never) : never;
/** Fails to compile when a kind of CustodyDetails is missing from CustodyAction, or CustodyAction names one too many. */
export const custodyActionsListed: ListedOnce = true;

/** The event in English words, as the audit entry and events recorded before schema 11 carry it. */
export function custodyNote(details: CustodyDetails): string {
  const scale = (pixelUm: number | null) => (pixelUm === null ? '' : `, pixel size ${pixelUm} µm`);
  switch (details.action) {
    case 'received':
      return `${details.fileName}, ${details.bytes} bytes, SHA-256 ${details.sha256}, declared as ${details.category}${scale(details.pixelUm)}`;
    case 'received-again':
      return `same content submitted again as "${details.fileName}"`;
    case 'kind-declared':
      return `declared as ${details.category}${scale(details.pixelUm)} (was ${details.previousCategory})`;
    case 'analysed':
      return `run ${details.runId} (${details.method}): ${details.findings} findings recorded`;
    case 'reported':
      return `lab report ${details.fileName}, SHA-256 ${details.sha256}, audit checkpoint of ${details.checkpointSize} entries`;
  }
}

interface CustodyRow {
  id: string;
  evidence_id: string;
  action: string;
  actor: string;
  actor_role: CustodyEvent['actorRole'];
  at: string;
  note: string;
  details: string | null;
}

/** The chain of custody of each evidence item: append-only (the database refuses updates and deletes). */
export class CustodyLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Appends one custody event and its audit entry; call inside the transaction that changes the item, so the change,
   * the custody event and the audit entry all land or none does.
   */
  append(item: { readonly evidenceId: string; readonly caseId: string; readonly sha256: string }, details: CustodyDetails, actor: Actor): CustodyEvent {
    const evidenceId = item.evidenceId;
    const { action } = details;
    const note = custodyNote(details);
    const event: CustodyEvent = {
      id: randomUUID(),
      evidenceId,
      action,
      actor: actor.username,
      actorRole: actor.role,
      at: isoAt(this.clock.now()),
      note,
      details,
    };
    const seq = this.audit.append({
      action: `evidence.${action}`,
      actor,
      subjects: { caseId: item.caseId, evidenceId },
      inputs: { evidence: item.sha256 },
      details: { custodyEventId: event.id, note },
    });
    this.db
      .prepare('INSERT INTO custody_events (id, evidence_id, action, actor_id, actor_role, at, note, audit_seq, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(event.id, evidenceId, action, actor.userId, actor.role, event.at, note, seq, JSON.stringify(details));
    return event;
  }

  /** An item's custody events in the order they happened. */
  list(evidenceId: string): CustodyEvent[] {
    const rows = this.db
      .prepare(
        `SELECT ce.id, ce.evidence_id, ce.action, u.username AS actor, ce.actor_role, ce.at, ce.note, ce.details
         FROM custody_events ce JOIN users u ON u.id = ce.actor_id WHERE ce.evidence_id = ? ORDER BY ce.at, ce.rowid`,
      )
      .all(evidenceId) as CustodyRow[];
    return rows.map((r) => ({ id: r.id, evidenceId: r.evidence_id, action: r.action, actor: r.actor, actorRole: r.actor_role, at: r.at, note: r.note, details: r.details === null ? null : (JSON.parse(r.details) as CustodyDetails) }));
  }
}
