import { onTestFinished } from 'vitest';
import type { Case, Role } from '../../main/contract/index.ts';
import { inProcessRunner } from '../../main/services/analysis/analysis-runner.ts';
import type { ForensicModule } from '../../main/services/forensics/module.ts';
import { shippedModules } from '../../main/services/forensics/modules.ts';
import type { Workstation } from '../../main/services/workstation.ts';
import { fastSealerScrypt, testSealer } from './audit.ts';
import { call, seedUsers, testWorkstation } from './workstation.ts';

/** A workstation that runs forensic methods, its logged-in clients by role, and the case the test works in. */
export interface ModuleCase {
  readonly ws: Workstation;
  readonly clients: Record<Role, string>;
  readonly theCase: Case;
}

/**
 * Inside a test: a workstation running `modules` in-process (so test-only modules run too) with a test signing key,
 * one logged-in user per role, and an expert's criminal case `number` at venue "Lab"; closed when the test finishes.
 */
export async function moduleCase(number: string, modules: readonly ForensicModule[] = shippedModules): Promise<ModuleCase> {
  const env = testWorkstation({ modules, analysisRunner: inProcessRunner, keySealer: testSealer(), sealerScryptParams: fastSealerScrypt });
  onTestFinished(env.dispose);
  const { ws } = env;
  const clients = await seedUsers(ws);
  const theCase = await call(ws, clients.expert, 'cases.create', { number, venue: 'Lab', caseType: 'criminal', parties: '' });
  return { ws, clients, theCase };
}
