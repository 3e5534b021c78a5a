import { randomUUID } from 'node:crypto';
import type { CustodyEvent } from '../contract.ts';
import type { Db } from '../db/database.ts';
import { isoAt, type Clock } from './clock.ts';
import type { Actor } from './sessions.ts';

/** Custody actions recorded so far; later modules add theirs ('analysed', 'exported', 'reported', …). */
export type CustodyAction = 'received' | 'received-again' | 'analysed' | 'exported' | 'reported';

interface CustodyRow {
  id: string;
  evidence_id: string;
  action: string;
  actor: string;
  actor_role: CustodyEvent['actorRole'];
  at: string;
  note: string;
}

/** The chain of custody of each evidence item: append-only (the database refuses updates and deletes). */
export class CustodyLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Appends one custody event; call inside the transaction that changes the item, so both land or neither. */
  append(evidenceId: string, action: CustodyAction, actor: Actor, note = ''): CustodyEvent {
    const event: CustodyEvent = {
      id: randomUUID(),
      evidenceId,
      action,
      actor: actor.username,
      actorRole: actor.role,
      at: isoAt(this.clock.now()),
      note,
    };
    this.db
      .prepare('INSERT INTO custody_events (id, evidence_id, action, actor_id, actor_role, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(event.id, evidenceId, action, actor.userId, actor.role, event.at, note);
    return event;
  }

  /** An item's custody events in the order they happened. */
  list(evidenceId: string): CustodyEvent[] {
    const rows = this.db
      .prepare(
        `SELECT ce.id, ce.evidence_id, ce.action, u.username AS actor, ce.actor_role, ce.at, ce.note
         FROM custody_events ce JOIN users u ON u.id = ce.actor_id WHERE ce.evidence_id = ? ORDER BY ce.at, ce.rowid`,
      )
      .all(evidenceId) as CustodyRow[];
    return rows.map((r) => ({ id: r.id, evidenceId: r.evidence_id, action: r.action, actor: r.actor, actorRole: r.actor_role, at: r.at, note: r.note }));
  }
}
