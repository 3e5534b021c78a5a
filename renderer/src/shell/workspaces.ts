import type { RequestChannel, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';

/** The workspaces of the application, one per kind of work. */
export const workspaceIds = ['expert', 'judge', 'clerk', 'users', 'audit', 'models', 'settings'] as const;
/** A workspace. */
export type WorkspaceId = (typeof workspaceIds)[number];
/** The workspaces built around the case list. */
export type CaseWorkspaceId = Extract<WorkspaceId, 'expert' | 'judge' | 'clerk'>;

/** Who each workspace is for; a workspace also needs its channel to be open to the role in the contract. */
const audience: Readonly<Record<WorkspaceId, { readonly role: Role; readonly channel: RequestChannel }>> = {
  expert: { role: 'expert', channel: 'cases.list' },
  judge: { role: 'judge', channel: 'cases.list' },
  clerk: { role: 'clerk', channel: 'cases.list' },
  users: { role: 'administrator', channel: 'users.list' },
  // The clerk's audit screens live inside the clerk workspace; administrators get them as a workspace of their own.
  audit: { role: 'administrator', channel: 'audit.entries' },
  // Monitoring the decision models: final verdicts against the consultations, by model, article and month.
  models: { role: 'administrator', channel: 'verdicts.dashboard' },
  settings: { role: 'administrator', channel: 'settings.update' },
};

/** The workspaces a role may open, in menu order; the others are not shown at all. */
export function workspacesFor(role: Role): readonly WorkspaceId[] {
  return workspaceIds.filter((id) => audience[id].role === role && mayUse(role, audience[id].channel));
}
