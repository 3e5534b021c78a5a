/** One schema change: applied once, in order, inside a transaction; `PRAGMA user_version` records the last one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** A table whose rows are never updated or deleted, and how its abort message names them. */
interface AppendOnlyTable {
  readonly table: string;
  /** The rows in words: "<rows> are append-only". */
  readonly rows: string;
  /** The trigger name's prefix, when it is not the table name. */
  readonly trigger?: string;
}

/**
 * BEFORE UPDATE and BEFORE DELETE triggers that abort, so that history is never rewritten, whichever code path tries.
 * Migration 1 wrote each over two lines, later ones on one; the text of a shipped migration never changes.
 */
function appendOnly(tables: readonly AppendOnlyTable[], layout: 'one-line' | 'two-line' = 'one-line'): string {
  const indent = '      ';
  const separator = layout === 'two-line' ? `\n${indent}  ` : ' ';
  return tables
    .flatMap(({ table, rows, trigger = table }) =>
      (['update', 'delete'] as const).map(
        (action) =>
          `${indent}CREATE TRIGGER ${trigger}_no_${action} BEFORE ${action.toUpperCase()} ON ${table}${separator}BEGIN SELECT RAISE(ABORT, '${rows} are append-only'); END;`,
      ),
    )
    .join('\n');
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
${appendOnly([{ table: 'custody_events', trigger: 'custody', rows: 'custody events' }], 'two-line')}
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
${appendOnly([
  { table: 'audit_entries', rows: 'audit entries' },
  { table: 'audit_nodes', rows: 'audit nodes' },
  { table: 'audit_checkpoints', rows: 'checkpoints' },
])}
    `,
  },
  {
    version: 3,
    name: 'findings, their reviews and case sign-off',
    sql: `
      -- A finding is never changed once written: an amendment is a new row whose supersedes names the original (at
      -- most one amendment per finding, hence UNIQUE), and decisions live in finding_reviews. sha256 is the hash of the
      -- finding's content (stable JSON), the value its audit entry records. run_id names an analysis run (v4) when a
      -- module produced it; no foreign key, since manual findings have none and runs are a later table.
      CREATE TABLE findings (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases(id),
        run_id        TEXT,
        module        TEXT NOT NULL,
        kind          TEXT NOT NULL,
        measurements  TEXT NOT NULL,
        conclusion    TEXT,
        origin        TEXT NOT NULL CHECK (origin IN ('model','model-edited','manual')),
        supersedes    TEXT UNIQUE REFERENCES findings(id),
        provenance    TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        created_by    TEXT NOT NULL REFERENCES users(id),
        created_at    TEXT NOT NULL,
        audit_seq     INTEGER NOT NULL REFERENCES audit_entries(seq),
        CHECK (origin <> 'model-edited' OR supersedes IS NOT NULL)
      );
      CREATE INDEX findings_by_case ON findings(case_id);
      CREATE INDEX findings_by_run ON findings(run_id);
      CREATE TABLE finding_evidence (
        finding_id  TEXT NOT NULL REFERENCES findings(id),
        position    INTEGER NOT NULL,
        evidence_id TEXT NOT NULL REFERENCES evidence(id),
        PRIMARY KEY (finding_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX finding_evidence_by_evidence ON finding_evidence(evidence_id);
      -- Overlay bytes are in the content-addressed store under sha256; these rows say which finding shows which.
      CREATE TABLE finding_overlays (
        finding_id TEXT NOT NULL REFERENCES findings(id),
        position   INTEGER NOT NULL,
        name       TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        PRIMARY KEY (finding_id, position),
        UNIQUE (finding_id, name)
      ) WITHOUT ROWID;
      -- Every decision on a finding; the latest (highest rowid) is the one in force. Reject and amend need a reason.
      CREATE TABLE finding_reviews (
        id          TEXT PRIMARY KEY,
        finding_id  TEXT NOT NULL REFERENCES findings(id),
        decision    TEXT NOT NULL CHECK (decision IN ('accepted','rejected','amended')),
        reason      TEXT,
        reviewer_id TEXT NOT NULL REFERENCES users(id),
        at          TEXT NOT NULL,
        audit_seq   INTEGER NOT NULL REFERENCES audit_entries(seq),
        CHECK (decision = 'accepted' OR length(trim(COALESCE(reason, ''))) > 0)
      );
      CREATE INDEX finding_reviews_by_finding ON finding_reviews(finding_id);
      -- A case's review state is the to_state of its latest transition ('draft' when it has none).
      CREATE TABLE case_review_transitions (
        id         TEXT PRIMARY KEY,
        case_id    TEXT NOT NULL REFERENCES cases(id),
        action     TEXT NOT NULL CHECK (action IN ('submit','require-technical-review','verify','sign','reopen')),
        from_state TEXT NOT NULL CHECK (from_state IN ('draft','in-review','verified','signed')),
        to_state   TEXT NOT NULL CHECK (to_state IN ('draft','in-review','verified','signed')),
        actor_id   TEXT NOT NULL REFERENCES users(id),
        reason     TEXT,
        automatic  INTEGER NOT NULL DEFAULT 0,
        at         TEXT NOT NULL,
        audit_seq  INTEGER NOT NULL REFERENCES audit_entries(seq),
        CHECK (action <> 'reopen' OR length(trim(COALESCE(reason, ''))) > 0)
      );
      CREATE INDEX case_review_transitions_by_case ON case_review_transitions(case_id);
      -- Signatures (21 CFR 11.50: signer, time, meaning), each made by one transition; a reopen keeps them.
      CREATE TABLE case_signatures (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases(id),
        transition_id TEXT NOT NULL UNIQUE REFERENCES case_review_transitions(id),
        user_id       TEXT NOT NULL REFERENCES users(id),
        meaning       TEXT NOT NULL CHECK (meaning IN ('reviewed','technical-review','approved')),
        findings_sha256 TEXT NOT NULL,
        at            TEXT NOT NULL,
        audit_seq     INTEGER NOT NULL REFERENCES audit_entries(seq)
      );
      CREATE INDEX case_signatures_by_case ON case_signatures(case_id);
${appendOnly([
  { table: 'findings', rows: 'findings' },
  { table: 'finding_evidence', rows: 'findings' },
  { table: 'finding_overlays', rows: 'findings' },
  { table: 'finding_reviews', rows: 'finding reviews' },
  { table: 'case_review_transitions', rows: 'review transitions' },
  { table: 'case_signatures', rows: 'signatures' },
])}
    `,
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
  {
    version: 6,
    name: 'workstation settings',
    sql: `
      -- Settings an administrator changes (every change is also an audit entry); a missing key means its default.
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id)
      );
    `,
  },
  {
    version: 7,
    name: 'declared evidence kinds',
    sql: `
      -- What an item is evidence of, declared by the expert at intake (a module's kind such as
      -- 'ballistics.cartridge-case', or 'document' / 'other'), and the pixel size declared for a 2D image (µm).
      -- Items received before this version are given the kind suggested from their file when the workstation opens.
      ALTER TABLE evidence ADD COLUMN category TEXT;
      ALTER TABLE evidence ADD COLUMN pixel_um REAL CHECK (pixel_um IS NULL OR pixel_um > 0);
    `,
  },
  {
    version: 8,
    name: 'forced password change',
    sql: `
      -- Set when an administrator resets a password: the user must choose a new one before doing anything else.
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 9,
    name: 'legal-acts store and verdict corpus',
    sql: `
      -- One imported text of a code (criminal, civil-procedure, …) in one language, as of the date it is the law.
      -- Never updated: a newer text is a new version; the current version is the latest date.
      CREATE TABLE law_versions (
        id            INTEGER PRIMARY KEY,
        code          TEXT NOT NULL,
        version       TEXT NOT NULL,
        language      TEXT NOT NULL CHECK (language IN ('ru', 'kk')),
        source_name   TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        articles      INTEGER NOT NULL,
        imported_at   TEXT NOT NULL,
        imported_by   TEXT,
        UNIQUE (code, language, version)
      );
      CREATE TABLE law_articles (
        id          INTEGER PRIMARY KEY,
        version_id  INTEGER NOT NULL REFERENCES law_versions(id),
        article     TEXT NOT NULL,
        sort_key    INTEGER NOT NULL,
        heading     TEXT NOT NULL,
        section     TEXT NOT NULL,
        chapter     TEXT NOT NULL,
        text        TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,
        UNIQUE (version_id, article)
      );
      CREATE TABLE law_parts (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES law_articles(id),
        part       TEXT NOT NULL,
        text       TEXT NOT NULL
      );
      CREATE INDEX law_parts_by_article ON law_parts(article_id);
      -- The stems of each part (rowid = law_parts.id), for full-text search; the text itself lives in law_parts.
      CREATE VIRTUAL TABLE law_fts USING fts5(stems, content='', tokenize='unicode61 remove_diacritics 0');
      -- One import of a structured file of decided cases (CSV or JSONL) for a case type, with its report.
      CREATE TABLE corpus_imports (
        id                TEXT PRIMARY KEY,
        case_type         TEXT NOT NULL,
        case_type_version TEXT NOT NULL,
        file_name         TEXT NOT NULL,
        file_sha256       TEXT NOT NULL,
        format            TEXT NOT NULL CHECK (format IN ('csv', 'jsonl', 'text')),
        rows              INTEGER NOT NULL,
        accepted          INTEGER NOT NULL,
        quarantined       INTEGER NOT NULL,
        duplicates        INTEGER NOT NULL,
        in_review         INTEGER NOT NULL DEFAULT 0,
        imported_at       TEXT NOT NULL,
        imported_by       TEXT,
        source            TEXT NOT NULL DEFAULT 'manual'
      );
      CREATE INDEX corpus_imports_by_type ON corpus_imports(case_type, imported_at);
      -- A decided case: its facts as the case type's schema validated them; the court and case number only as a
      -- keyed hash (dedup_key), so that the same case from another file is recognised without storing its number.
      CREATE TABLE corpus_records (
        id         INTEGER PRIMARY KEY,
        case_type  TEXT NOT NULL,
        dedup_key  TEXT NOT NULL,
        court      TEXT NOT NULL,
        decided_on TEXT,
        facts      TEXT NOT NULL,
        import_id  TEXT NOT NULL REFERENCES corpus_imports(id),
        line       INTEGER NOT NULL,
        UNIQUE (case_type, dedup_key)
      );
      -- Rows refused with their line, column and reason (each once per file: a repeated import adds none).
      CREATE TABLE corpus_quarantine (
        id          INTEGER PRIMARY KEY,
        import_id   TEXT NOT NULL REFERENCES corpus_imports(id),
        file_sha256 TEXT NOT NULL,
        line        INTEGER NOT NULL,
        column_name TEXT,
        reason      TEXT NOT NULL,
        UNIQUE (file_sha256, line)
      );
      -- Every model the registry knows: retrained candidates and models found installed, with the training data's
      -- snapshot hash and the promotion gate's verdict; its status is the latest row of model_status.
      CREATE TABLE model_registry (
        sha256               TEXT PRIMARY KEY,
        case_type            TEXT NOT NULL,
        case_type_version    TEXT NOT NULL,
        outcome              TEXT NOT NULL,
        data_snapshot_sha256 TEXT,
        data_records         INTEGER,
        card                 TEXT NOT NULL,
        trained_at           TEXT NOT NULL,
        gate                 TEXT,
        origin               TEXT NOT NULL CHECK (origin IN ('retrained', 'installed')),
        registered_at        TEXT NOT NULL
      );
      CREATE TABLE model_status (
        id         INTEGER PRIMARY KEY,
        sha256     TEXT NOT NULL REFERENCES model_registry(sha256),
        status     TEXT NOT NULL CHECK (status IN ('candidate', 'active', 'retired')),
        reason     TEXT NOT NULL,
        actor      TEXT,
        at         TEXT NOT NULL
      );
      CREATE INDEX model_status_by_model ON model_status(sha256, id);
      -- A decision text whose extracted facts were not all sure enough: it waits for a clerk, with the anonymised
      -- text and each proposed value's span and confidence; the clerk's decision is a row of its own.
      CREATE TABLE corpus_review (
        id          TEXT PRIMARY KEY,
        import_id   TEXT NOT NULL REFERENCES corpus_imports(id),
        case_type   TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        text        TEXT NOT NULL,
        proposed    TEXT NOT NULL,
        court       TEXT NOT NULL,
        dedup_key   TEXT NOT NULL,
        reasons     TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE TABLE corpus_review_decisions (
        review_id  TEXT PRIMARY KEY REFERENCES corpus_review(id),
        decision   TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        facts      TEXT,
        decided_by TEXT,
        decided_at TEXT NOT NULL
      );
      -- Files of the watched inbox, each imported once (by content), with the import it became.
      CREATE TABLE corpus_inbox_files (
        sha256      TEXT PRIMARY KEY,
        file_name   TEXT NOT NULL,
        import_id   TEXT,
        error       TEXT,
        imported_at TEXT NOT NULL
      );
${appendOnly([
  { table: 'corpus_review', rows: 'review items' },
  { table: 'corpus_review_decisions', rows: 'review decisions' },
  { table: 'corpus_inbox_files', rows: 'inbox files' },
  { table: 'model_registry', rows: 'registered models' },
  { table: 'model_status', rows: 'model status changes' },
  { table: 'law_versions', rows: 'law versions' },
  { table: 'law_articles', rows: 'law articles' },
  { table: 'law_parts', rows: 'law parts' },
  { table: 'corpus_imports', rows: 'corpus imports' },
  { table: 'corpus_records', rows: 'corpus records' },
  { table: 'corpus_quarantine', rows: 'quarantined rows' },
])}
    `,
  },
  {
    version: 10,
    name: 'recognised text of case documents',
    sql: `
      -- The text recognised in one evidence item (OCR or a PDF's text layer): the whole result as canonical JSON
      -- (pages, words with boxes and confidences, provenance) with its own SHA-256. A new recognition is a new row.
      CREATE TABLE document_texts (
        id              TEXT PRIMARY KEY,
        evidence_id     TEXT NOT NULL REFERENCES evidence(id),
        case_id         TEXT NOT NULL REFERENCES cases(id),
        evidence_sha256 TEXT NOT NULL,
        sha256          TEXT NOT NULL,
        result          TEXT NOT NULL,
        language        TEXT NOT NULL,
        pages           INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL REFERENCES users(id)
      );
      CREATE INDEX document_texts_evidence ON document_texts(evidence_id, created_at);
      CREATE TABLE document_text_pages (
        id      INTEGER PRIMARY KEY,
        text_id TEXT NOT NULL REFERENCES document_texts(id),
        page    INTEGER NOT NULL,
        text    TEXT NOT NULL,
        UNIQUE (text_id, page)
      );
      CREATE VIRTUAL TABLE document_text_fts USING fts5(stems, content='', tokenize='unicode61 remove_diacritics 0');
${appendOnly([
  { table: 'document_texts', rows: 'recognised document texts' },
  { table: 'document_text_pages', rows: 'recognised document pages' },
])}
    `,
  },
  {
    version: 11,
    name: 'custody event details',
    sql: `
      -- What a custody event records (file, size, kind, findings, report) as JSON, so that the interface can say it in
      -- the user's language; the note keeps the English sentence. Earlier events keep only their note (NULL here).
      ALTER TABLE custody_events ADD COLUMN details TEXT;
    `,
  },
  {
    version: 12,
    name: 'analysis failure details',
    sql: `
      -- Why a run failed, as the error's parameters (file, reason code, well…) in JSON, so that the interface can say it
      -- in the user's language; error_message keeps the English sentence. Earlier runs keep only the sentence (NULL).
      ALTER TABLE analysis_runs ADD COLUMN error_params TEXT;
    `,
  },
];
