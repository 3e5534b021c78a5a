/** The row type shared by the clerk's trail PDF and its summary of large exports. */

/** Names looked up from the current records, as the trail screen shows them (trail-labels.ts). */
export interface TrailNames {
  readonly actorName?: string | null;
  readonly caseNumber?: string | null;
  readonly evidenceName?: string | null;
  readonly subjectUserName?: string | null;
}

/** One row of the human-readable trail: the entry's own fields, worded by the PDF in the reader's language. */
export interface TrailRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: { readonly username: string; readonly role: string } | null;
  readonly action: string;
  readonly subjects: Readonly<Record<string, string>>;
  readonly inputs: Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, unknown>>;
  readonly meaning: string;
  readonly supersedes: number | null;
  readonly entryHash: string;
  /** The stored entry, for looking its names up. */
  readonly bytes: Uint8Array;
  /** Present when the export had the workstation's records at hand. */
  readonly names?: TrailNames;
}
