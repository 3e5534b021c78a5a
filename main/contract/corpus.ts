/** The verdict corpus: structured imports of decided cases, their reports and refused rows (administrators). */
import { z } from 'zod';
import { adminOnly, channel, empty, fileBody, sha256Hex } from './common.ts';

const QuarantinedRowSchema = z.object({ line: z.number().int(), column: z.string().nullable(), reason: z.string() });

const ImportSummarySchema = z.object({
  id: z.string(),
  caseType: z.string(),
  caseTypeVersion: z.string(),
  fileName: z.string(),
  fileSha256: sha256Hex,
  format: z.enum(['csv', 'jsonl']),
  rows: z.number().int(),
  accepted: z.number().int(),
  quarantined: z.number().int(),
  duplicates: z.number().int(),
  importedAt: z.string(),
});

/** What an import did: counts and the first refused rows with line, column and reason. */
export const ImportReportSchema = ImportSummarySchema.extend({ problems: z.array(QuarantinedRowSchema) });
/** An import's report. */
export type ImportReportView = z.infer<typeof ImportReportSchema>;

/** The corpus of one case type. */
export const CorpusStatusSchema = z.object({
  caseType: z.string(),
  records: z.number().int(),
  imports: z.number().int(),
  quarantined: z.number().int(),
  lastImportAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
});

/** The corpus channels. */
export const corpusChannels = {
  /** Imports a CSV or JSONL file of decided cases for a case type; bad rows are quarantined, duplicates skipped. */
  'corpus.import': channel(z.object({ caseType: z.string().min(1).max(80), fileName: z.string().min(1).max(255), body: fileBody }).strict(), ImportReportSchema, adminOnly),
  'corpus.status': channel(empty, z.array(CorpusStatusSchema), adminOnly),
  'corpus.imports': channel(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), z.array(ImportSummarySchema), adminOnly),
  'corpus.quarantine': channel(z.object({ importId: z.string().min(1).max(64) }).strict(), z.array(QuarantinedRowSchema), adminOnly),
} as const;
