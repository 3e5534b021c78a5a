/** The row type shared by the clerk's trail PDF and its summary of large exports. */

/** One row of the human-readable trail. */
export interface TrailRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subjects: string;
  readonly hashes: string;
  readonly meaning: string;
  readonly supersedes: number | null;
  readonly entryHash: string;
}
