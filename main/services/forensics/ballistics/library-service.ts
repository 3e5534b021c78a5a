/**
 * The reference library: scans of test-fired cartridge cases with their firearm's metadata, kept in the content store
 * outside any case. A questioned scan is searched in two steps: the polar prefilter ranks every reference in
 * milliseconds (native/library/polar-descriptor.ts), then full two-direction CMC runs off the main thread on the top
 * candidates; hits are ranked by CMC count, then by prefilter score.
 */
import { randomUUID } from 'node:crypto';
import type { LibraryReference, ParsedRequestOf, ResponseOf } from '../../../contract/index.ts';
import type { Db } from '../../../db/database.ts';
import { polarDescriptorSpec } from '../../../../native/library/polar-descriptor.ts';
import { cmcAlgorithm } from '../../../../native/cmc/cmc-run.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import { isoAt, type Clock } from '../../clock.ts';
import { badInput, DalelError } from '../../errors.ts';
import type { EvidenceService } from '../../evidence.ts';
import { sha256Hex, type EvidenceStore } from '../../intake/evidence-store.ts';
import { sniffEvidence } from '../../intake/sniff.ts';
import type { Actor } from '../../sessions.ts';
import type { AnalysisRunner } from '../../analysis/analysis-runner.ts';
import { auditSafe } from '../../analysis/audit-values.ts';
import type { BallisticsJobOutput, BallisticsJobType, BallisticsPayloads } from './pipelines.ts';
import { cartridgeCaseKind } from './kinds.ts';
import { checkSurfaceSource, type SurfaceSource } from './surface-input.ts';

/** Metadata of a reference scan. */
export type LibraryMetadata = Pick<LibraryReference, 'firearmMake' | 'firearmModel' | 'calibre' | 'caseNumber' | 'notes'>;

/** A library search's answer. */
export type LibrarySearchResult = ResponseOf<'library.search'>;

// Columns come back under the API's names, so a row is already a LibraryReference.
const selectRef = `SELECT l.id, l.name, l.sha256, l.firearm_make AS firearmMake, l.firearm_model AS firearmModel, l.calibre,
         l.case_number AS caseNumber, l.notes, u.username AS addedBy, l.added_at AS addedAt
  FROM library_refs l JOIN users u ON u.id = l.added_by`;

/** Default number of candidates that get a full CMC comparison. */
export const defaultSearchTop = 10;

/** Adds, lists and searches reference scans. */
export class LibraryService {
  constructor(
    private readonly db: Db,
    private readonly store: EvidenceStore,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly runner: AnalysisRunner,
  ) {}

  /** Adds an X3P scan: checked like evidence, prepared and described off the main thread, stored, and audit-logged. */
  async add(fileName: string, bytes: Uint8Array, metadata: LibraryMetadata, actor: Actor): Promise<LibraryReference> {
    const sniffed = sniffEvidence(fileName, bytes);
    if (sniffed.kind !== 'x3p') throw badInput(fileName, 'unsupported-type', 'the reference library holds X3P surface scans only');
    const sha256 = sha256Hex(bytes);
    const existing = this.db.prepare('SELECT id FROM library_refs WHERE sha256 = ?').pluck().get(sha256) as string | undefined;
    if (existing) throw new DalelError('CONFLICT', `${fileName}: this scan is already in the library.`, { file: fileName, referenceId: existing });
    const described = await this.run('describe-reference', { source: { name: fileName, sha256, evidenceId: null, kind: 'x3p', bytes } });
    if (described.type !== 'describe-reference') throw new Error(`unexpected job output ${described.type}`);
    const grid = { width: described.width, height: described.height, step: described.pixelUm * 1e-6 };
    const descriptor = described.descriptor;
    this.store.put(bytes, sha256);
    const id = randomUUID();
    const now = isoAt(this.clock.now());
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT OR IGNORE INTO blobs (sha256, size_bytes, kind, media_type, width, height, bit_depth, thumbnail, stored_at)
             VALUES (?, ?, 'x3p', ?, ?, ?, NULL, NULL, ?)`,
          )
          .run(sha256, bytes.length, sniffed.mediaType, grid.width, grid.height, now);
        this.db
          .prepare(
            `INSERT INTO library_refs (id, name, sha256, firearm_make, firearm_model, calibre, case_number, notes, descriptor, descriptor_version,
               width, height, pixel_um, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            fileName,
            sha256,
            metadata.firearmMake,
            metadata.firearmModel,
            metadata.calibre,
            metadata.caseNumber,
            metadata.notes,
            Buffer.from(descriptor),
            polarDescriptorSpec.version,
            grid.width,
            grid.height,
            grid.step * 1e6,
            actor.userId,
            now,
          );
        this.audit.append({
          action: 'library.added',
          actor,
          subjects: { referenceId: id },
          inputs: { [fileName]: sha256 },
          details: { firearmMake: metadata.firearmMake, firearmModel: metadata.firearmModel, calibre: metadata.calibre, caseNumber: metadata.caseNumber },
        });
      })
      .immediate();
    return this.get(id);
  }

  /** One reference, or NOT_FOUND. */
  get(id: string): LibraryReference {
    const row = this.db.prepare(`${selectRef} WHERE l.id = ?`).get(id) as LibraryReference | undefined;
    if (!row) throw new DalelError('NOT_FOUND', 'No such library reference.', { referenceId: id });
    return row;
  }

  /** References whose name or metadata contains the query (all when none), newest first. */
  list(query?: string): LibraryReference[] {
    const like = `%${(query ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `${selectRef} WHERE (l.name || ' ' || l.firearm_make || ' ' || l.firearm_model || ' ' || l.calibre || ' ' || l.case_number || ' ' || l.notes) LIKE ? ESCAPE '\\'
         ORDER BY l.added_at DESC, l.rowid DESC`,
      )
      .all(like) as LibraryReference[];
    return rows;
  }

  /** Searches a case's evidence item against the library (audit-logged as the case's). */
  async searchEvidence(request: ParsedRequestOf<'library.search'>, actor: Actor): Promise<LibrarySearchResult> {
    const item = this.evidence.get(request.evidenceId);
    // The library holds breech faces compared by CMC: only an item declared a cartridge case is searched.
    if (item.category !== cartridgeCaseKind) {
      throw badInput(item.originalName, 'wrong-evidence-kind', `it is declared as "${item.category}" evidence; the reference library is searched only with "${cartridgeCaseKind}" items`, { category: item.category });
    }
    const source: SurfaceSource = { name: item.originalName, sha256: item.sha256, evidenceId: item.id, kind: item.kind, bytes: this.evidence.read(item.id) };
    return this.search(source, request.top ?? defaultSearchTop, actor, item.caseId);
  }

  /**
   * Searches a questioned scan: prefilter over every reference at the same resolution, then CMC on the `top` best,
   * both in one job off the main thread; hits ranked by CMC count, then prefilter score.
   */
  async search(questioned: SurfaceSource, top: number, actor: Actor, caseId: string | null): Promise<LibrarySearchResult> {
    const started = performance.now();
    checkSurfaceSource(questioned);
    const rows = this.db.prepare('SELECT id, name, sha256, descriptor FROM library_refs WHERE descriptor_version = ?').all(polarDescriptorSpec.version) as Array<{
      id: string;
      name: string;
      sha256: string;
      descriptor: Buffer;
    }>;
    const references = rows.map((r) => ({ id: r.id, name: r.name, sha256: r.sha256, path: this.store.pathOf(r.sha256), descriptor: new Uint8Array(r.descriptor) }));
    const output = await this.run('library-search', { questioned, references, top, parameters: {} });
    if (output.type !== 'library-search') throw new Error(`unexpected job output ${output.type}`);
    const hits = output.candidates
      .map((c) => ({ reference: this.get(c.id), prefilterScore: c.prefilterScore, cmcCount: c.cmcCount }))
      .sort((a, b) => b.cmcCount - a.cmcCount || b.prefilterScore - a.prefilterScore)
      .map((hit, i) => ({ ...hit, rank: i + 1 }));
    const timing = { ...output.timing, totalMs: performance.now() - started };
    this.audit.append({
      action: 'library.searched',
      actor,
      subjects: caseId ? { caseId, ...(questioned.evidenceId ? { evidenceId: questioned.evidenceId } : {}) } : {},
      inputs: { [questioned.evidenceId ?? questioned.name]: questioned.sha256 },
      algorithm: { name: `${polarDescriptorSpec.version}+${cmcAlgorithm.name}`, version: cmcAlgorithm.version, parameters: auditSafe({ ...output.parameters, top }) },
      details: { searched: output.searched, hits: hits.map((h) => ({ referenceId: h.reference.id, cmcCount: h.cmcCount, rank: h.rank })) },
    });
    return { hits, searched: output.searched, timing };
  }

  /** Runs one of the module's own pipelines off the main thread. */
  private async run<T extends BallisticsJobType>(type: T, payload: BallisticsPayloads[T]): Promise<BallisticsJobOutput> {
    return (await this.runner.start({ module: 'ballistics', type, payload }, () => undefined).done) as BallisticsJobOutput;
  }
}
