/**
 * The workstation's settings: what the laboratory or court decides for everyone (technical review before signing,
 * whether clerks record verdicts, research case types, the workstation's name). Read by the services that enforce
 * them; changed only by an administrator, each change audit-logged with the old and the new value.
 */
import { SettingsSchema, type Settings } from '../contract/index.ts';
import type { Db } from '../db/database.ts';
import type { AuditLog } from './audit/audit-log.ts';
import { isoAt, type Clock } from './clock.ts';
import type { Actor } from './sessions.ts';

/** Every setting's value until an administrator changes it. */
export const defaultSettings: Settings = {
  workstationName: 'Dalel workstation',
  technicalReviewRequired: true,
  clerksMayRecordVerdicts: false,
  researchCaseTypes: false,
};

const keys = Object.keys(defaultSettings) as Array<keyof Settings>;

/** Reads and changes the settings stored in the database (defaults for those never set). */
export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The settings in force. */
  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const stored: Record<string, unknown> = {};
    for (const row of rows) if ((keys as string[]).includes(row.key)) stored[row.key] = JSON.parse(row.value);
    return SettingsSchema.parse({ ...defaultSettings, ...stored });
  }

  /** Changes the given settings in one transaction, with one 'settings.changed' audit entry per changed value. */
  update(changes: Partial<Settings>, actor: Actor): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...changes });
    this.audit.atomically(() => {
      const current = this.get();
      for (const key of keys) {
        if (!(key in changes) || current[key] === next[key]) continue;
        this.db
          .prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
          .run(key, JSON.stringify(next[key]), isoAt(this.clock.now()), actor.userId);
        this.audit.append({ action: 'settings.changed', actor, details: { setting: key, from: current[key], to: next[key] } });
      }
    });
    return this.get();
  }
}
