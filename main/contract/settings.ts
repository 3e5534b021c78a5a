/** Laboratory and court settings an administrator sets for the workstation; everyone signed in may read them. */
import { z } from 'zod';
import { adminOnly, channel, empty } from './common.ts';

/** The workstation's settings, each with its production default. */
export const SettingsSchema = z.object({
  /** The workstation's name, written into the audit log's origin when the signing key is next created or rotated. */
  workstationName: z.string().trim().min(1).max(80),
  /** ISO/IEC 17025 practice: a second expert's technical review before a case is signed. */
  technicalReviewRequired: z.boolean(),
  /** Whether clerks may record final verdicts (the court's rules decide; judges always may). */
  clerksMayRecordVerdicts: z.boolean(),
  /** Whether the research case types (US sentencing and Supreme Court data) are offered beside the Kazakh ones. */
  researchCaseTypes: z.boolean(),
});
/** The workstation's settings. */
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings channels: schemas and who may call each. */
export const settingsChannels = {
  'settings.get': channel(empty, SettingsSchema, 'session'),
  /** Changes some settings; each change is audit-logged with its old and new value. */
  'settings.update': channel(SettingsSchema.partial().strict(), SettingsSchema, adminOnly),
} as const;
