/**
 * Builds and exports the lab report: gathers the case, evidence, findings, review and a fresh signed checkpoint that
 * covers them, renders the PDF, then records the export in the audit log (with the PDF's SHA-256) and in every
 * evidence item's chain of custody, all in one transaction.
 */
import type { Case, CaseReview, CheckpointInfo, Evidence, Finding } from '../../contract/index.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import type { CustodyLog } from '../custody.ts';
import { DalelError } from '../errors.ts';
import { sha256Hex } from '../intake/evidence-store.ts';
import type { Actor } from '../sessions.ts';
import { labReportLabels } from './lab-report-labels.ts';
import { renderLabReport, type ReportCoverage, type ReportImage, type ReportModel } from './lab-report.ts';
import { generateSummary } from './summary/generate-summary.ts';
import type { SummaryRegistry } from './summary/registry.ts';
import type { Summary, SummaryLanguage } from './summary/summary-types.ts';

/** Where the report reads from: narrow, so that each store is wired in one line. */
export interface ReportSources {
  case(caseId: string): Case;
  evidence(caseId: string): Evidence[];
  /** An item's PNG preview, or null when it has none. */
  thumbnail(evidenceId: string): Uint8Array | null;
  /** Every finding of the case, amended originals included, oldest first. */
  findings(caseId: string): Finding[];
  overlay(findingId: string, sha256: string): Uint8Array;
  review(caseId: string): CaseReview;
  /** What each signature of the case covered, read from its audit entry. */
  coverage(caseId: string): readonly ReportCoverage[];
  /** Whether the audit signing key exists and is open: the report names a checkpoint signed with it. */
  keyState(): 'none' | 'locked' | 'unlocked';
  /** Signs a checkpoint of the whole log now (or returns the newest when it already covers every entry). */
  checkpoint(reason: string): CheckpointInfo;
}

/** An exported report. */
export interface ExportedReport {
  readonly fileName: string;
  readonly pdf: Uint8Array;
  readonly sha256: string;
  readonly auditSeq: number;
}

/** A case number made safe for a file name. */
function fileSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'case';
}

/** The highest audit entry the report's content depends on: findings, review decisions and signatures. */
function lastCoveredSeq(findings: readonly Finding[], review: CaseReview): number {
  const seqs = [...findings.flatMap((f) => [f.auditSeq, f.review?.auditSeq ?? -1]), ...review.signatures.map((s) => s.auditSeq)];
  return Math.max(-1, ...seqs);
}

/** The AI summary and the lab report of a case. */
export class ReportService {
  constructor(
    private readonly sources: ReportSources,
    private readonly audit: AuditLog,
    private readonly custody: CustodyLog,
    private readonly clock: Clock,
    private readonly registry: SummaryRegistry,
  ) {}

  /** The deterministic summary of a case's findings in one language. */
  summary(caseId: string, language: SummaryLanguage): Summary {
    this.sources.case(caseId);
    return generateSummary(this.sources.findings(caseId), language, this.registry);
  }

  /** Renders the report and records its export; the checkpoint it names covers every finding, decision and signature in it. */
  async export(caseId: string, language: SummaryLanguage, actor: Actor): Promise<ExportedReport> {
    const theCase = this.sources.case(caseId);
    const evidence = this.sources.evidence(caseId);
    const findings = this.sources.findings(caseId);
    if (findings.length === 0) {
      // A laboratory report reports findings; a case without any has nothing a court could read as one.
      throw new DalelError('CONFLICT', `Case ${theCase.number} has no findings yet, so there is no laboratory report to export; analyse evidence or record a measurement first.`, { caseId, reason: 'report-no-findings' });
    }
    const keyState = this.sources.keyState();
    if (keyState !== 'unlocked') {
      // Say who can fix it and where: experts and judges have no signing-key section.
      throw new DalelError(
        'KEY_LOCKED',
        keyState === 'none'
          ? 'The workstation has no audit signing key yet, so the report cannot name a signed checkpoint: a clerk or administrator must create the key (Audit → Signing key).'
          : 'The audit signing key is locked, so the report cannot name a signed checkpoint: a clerk or administrator must unlock it (Audit → Signing key).',
        { reason: keyState === 'none' ? 'no-signing-key' : 'signing-key-locked' },
      );
    }
    const review = this.sources.review(caseId);
    const checkpoint = this.sources.checkpoint('lab report');
    const covered = lastCoveredSeq(findings, review);
    if (checkpoint.size <= covered) {
      // Another writer got in between reading and signing; a report must never name a checkpoint that misses its content.
      throw new DalelError('CONFLICT', `The audit checkpoint (size ${checkpoint.size}) does not cover entry ${covered}; export the report again.`, { caseId });
    }
    const images: ReportImage[] = [];
    for (const item of evidence) {
      const png = item.hasThumbnail ? this.sources.thumbnail(item.id) : null;
      if (png) images.push({ caption: item.originalName, sha256: item.sha256, mediaType: 'image/png', bytes: png });
    }
    const number = new Map(findings.map((f, i) => [f.id, i + 1]));
    for (const finding of findings) {
      for (const overlay of finding.overlays) {
        images.push({ caption: `${overlay.name} — ${labReportLabels[language].finding} ${number.get(finding.id)}`, sha256: overlay.sha256, mediaType: overlay.mediaType, bytes: this.sources.overlay(finding.id, overlay.sha256) });
      }
    }
    const generatedAt = isoAt(this.clock.now());
    const model: ReportModel = {
      language,
      case: theCase,
      evidence,
      images,
      findings,
      summary: generateSummary(findings, language, this.registry),
      review,
      coverage: this.sources.coverage(caseId),
      registry: this.registry,
      checkpoint,
      generatedAt,
      generatedBy: actor.username,
    };
    const pdf = await renderLabReport(model);
    const sha256 = sha256Hex(pdf);
    const fileName = `report-${fileSafe(theCase.number)}-${language}-${generatedAt.replace(/[:.]/g, '-')}.pdf`;
    const auditSeq = this.audit.atomically((): number => {
      const seq = this.audit.append({
        action: 'report.exported',
        actor,
        subjects: { caseId },
        outputs: { report: sha256 },
        details: { fileName, language, bytes: pdf.length, checkpointId: checkpoint.id, checkpointSize: checkpoint.size, findings: findings.length, evidence: evidence.length },
      });
      for (const item of evidence) {
        this.custody.append({ evidenceId: item.id, caseId, sha256: item.sha256 }, { action: 'reported', fileName, sha256, checkpointSize: checkpoint.size }, actor);
      }
      return seq;
    });
    return { fileName, pdf, sha256, auditSeq };
  }
}
