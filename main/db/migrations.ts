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
    sql: `
      -- One row per run; the full result is a JSON blob in the content store (result_sha256), never a column here.
      CREATE TABLE analysis_runs (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases(id),
        module        TEXT NOT NULL,
        evidence_ids  TEXT NOT NULL,
        parameters    TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('queued','running','done','failed','cancelled')),
        progress      REAL NOT NULL DEFAULT 0,
        error_code    TEXT,
        error_message TEXT,
        started_by    TEXT NOT NULL REFERENCES users(id),
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        result_sha256 TEXT,
        finding_ids   TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX analysis_runs_by_case ON analysis_runs(case_id, started_at);
      -- Reference scans are stored like evidence (content-addressed) but belong to no case.
      CREATE TABLE library_refs (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        sha256        TEXT NOT NULL UNIQUE,
        firearm_make  TEXT NOT NULL,
        firearm_model TEXT NOT NULL,
        calibre       TEXT NOT NULL,
        case_number   TEXT NOT NULL,
        notes         TEXT NOT NULL,
        -- The prefilter descriptor (float32 little-endian) and its version, computed once at intake.
        descriptor    BLOB NOT NULL,
        descriptor_version TEXT NOT NULL,
        width         INTEGER NOT NULL,
        height        INTEGER NOT NULL,
        pixel_um      REAL NOT NULL,
        added_by      TEXT NOT NULL REFERENCES users(id),
        added_at      TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'verdicts and discrepancy notices',
    // Being filled in on the decision branch; no release has shipped it yet.
    sql: `SELECT 1;`,
  },
];
