/** One schema change: applied once, in order, inside a transaction; `PRAGMA user_version` records the last one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every schema change since the first release. Append only: never edit a migration that has shipped. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, cases, evidence and custody',
    sql: `
      CREATE TABLE workstation (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE users (
        id              TEXT PRIMARY KEY,
        username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('expert','judge','clerk','administrator')),
        password_hash   TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    TEXT,
        disabled        INTEGER NOT NULL DEFAULT 0,
        created_at      TEXT NOT NULL,
        created_by      TEXT REFERENCES users(id)
      );
      CREATE TABLE cases (
        id         TEXT PRIMARY KEY,
        number     TEXT NOT NULL UNIQUE,
        venue      TEXT NOT NULL,
        case_type  TEXT NOT NULL,
        parties    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id)
      );
      CREATE TABLE blobs (
        sha256     TEXT PRIMARY KEY,
        size_bytes INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        media_type TEXT NOT NULL,
        width      INTEGER,
        height     INTEGER,
        bit_depth  INTEGER,
        thumbnail  BLOB,
        stored_at  TEXT NOT NULL
      );
      CREATE TABLE evidence (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases(id),
        sha256        TEXT NOT NULL REFERENCES blobs(sha256),
        original_name TEXT NOT NULL,
        added_by      TEXT NOT NULL REFERENCES users(id),
        added_at      TEXT NOT NULL,
        UNIQUE (case_id, sha256)
      );
      CREATE INDEX evidence_by_case ON evidence(case_id);
      CREATE TABLE custody_events (
        id          TEXT PRIMARY KEY,
        evidence_id TEXT NOT NULL REFERENCES evidence(id),
        action      TEXT NOT NULL,
        actor_id    TEXT NOT NULL REFERENCES users(id),
        actor_role  TEXT NOT NULL,
        at          TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX custody_by_evidence ON custody_events(evidence_id, at);
      -- Custody is append-only: history is never rewritten, whichever code path tries.
      CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END;
      CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'signed, tamper-evident audit log',
    sql: `
      -- One row per entry; seq is the leaf index (0-based). bytes are the canonical JSON as written, never re-serialised;
      -- the other columns are copies for filtering only.
      CREATE TABLE audit_entries (
        seq       INTEGER PRIMARY KEY,
        bytes     BLOB NOT NULL,
        leaf_hash BLOB NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT,
        role      TEXT,
        action    TEXT NOT NULL,
        case_id   TEXT
      );
      CREATE INDEX audit_by_case ON audit_entries(case_id, seq);
      CREATE INDEX audit_by_at ON audit_entries(at);
      -- Every complete subtree: node(level, idx) covers leaves [idx*2^level, (idx+1)*2^level).
      CREATE TABLE audit_nodes (
        level INTEGER NOT NULL,
        idx   INTEGER NOT NULL,
        hash  BLOB NOT NULL,
        PRIMARY KEY (level, idx)
      ) WITHOUT ROWID;
      CREATE TABLE audit_keys (
        key_id      TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        public_key  BLOB NOT NULL,
        sealed_seed BLOB NOT NULL,
        sealer      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        retired_at  TEXT
      );
      CREATE TABLE audit_checkpoints (
        id         INTEGER PRIMARY KEY,
        size       INTEGER NOT NULL,
        root       BLOB NOT NULL,
        note       TEXT NOT NULL,
        key_id     TEXT NOT NULL REFERENCES audit_keys(key_id),
        reason     TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE audit_cosignatures (
        id            INTEGER PRIMARY KEY,
        checkpoint_id INTEGER NOT NULL REFERENCES audit_checkpoints(id),
        witness       TEXT NOT NULL,
        verifier_key  TEXT NOT NULL,
        timestamp     INTEGER NOT NULL,
        line          TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        UNIQUE (checkpoint_id, verifier_key)
      );
      -- Each custody event is also an audit entry; this links the two.
      ALTER TABLE custody_events ADD COLUMN audit_seq INTEGER REFERENCES audit_entries(seq);
      CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
      CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
      CREATE TRIGGER audit_nodes_no_update BEFORE UPDATE ON audit_nodes BEGIN SELECT RAISE(ABORT, 'audit nodes are append-only'); END;
      CREATE TRIGGER audit_nodes_no_delete BEFORE DELETE ON audit_nodes BEGIN SELECT RAISE(ABORT, 'audit nodes are append-only'); END;
      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'findings, their reviews and case sign-off',
    // Being filled in on the findings branch; no release has shipped it yet.
    sql: `SELECT 1;`,
  },
  {
    version: 4,
    name: 'analysis runs and the reference library',
    // Being filled in on the ballistics branch; no release has shipped it yet.
    sql: `SELECT 1;`,
  },
  {
    version: 5,
    name: 'verdicts and discrepancy notices',
    sql: `
      -- A final verdict as entered by a judge or clerk, with the consultation it is compared with (an audit seq) and
      -- the discrepancy found, if any. Never updated: a correction is a new verdict.
      CREATE TABLE verdicts (
        id                TEXT PRIMARY KEY,
        case_id           TEXT NOT NULL REFERENCES cases(id),
        consultation_seq  INTEGER,
        case_type         TEXT NOT NULL,
        article           TEXT,
        outcome_value     REAL,
        outcome_class     TEXT,
        decided_at        TEXT NOT NULL,
        entered_by        TEXT NOT NULL REFERENCES users(id),
        entered_at        TEXT NOT NULL,
        discrepancy_kind  TEXT CHECK (discrepancy_kind IN ('outside-interval', 'different-class')),
        predicted_json    TEXT,
        audit_seq         INTEGER NOT NULL
      );
      CREATE INDEX verdicts_by_case ON verdicts(case_id, entered_at);
      CREATE INDEX verdicts_by_decided ON verdicts(decided_at);
      -- A notice to the judge who consulted the model that the verdict fell outside what was shown.
      CREATE TABLE discrepancy_notices (
        id              TEXT PRIMARY KEY,
        verdict_id      TEXT NOT NULL UNIQUE REFERENCES verdicts(id),
        judge_id        TEXT NOT NULL REFERENCES users(id),
        created_at      TEXT NOT NULL,
        acknowledged_at TEXT
      );
      CREATE INDEX notices_by_judge ON discrepancy_notices(judge_id, created_at);
    `,
  },
];
