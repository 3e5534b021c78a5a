import { afterEach, beforeEach } from 'vitest';
import type { Case, Role } from '../../main/contract/index.ts';
import { createPassphraseSealer } from '../../main/services/passphrase-sealer.ts';
import type { NamedSealer } from '../../main/services/audit/keyring.ts';
import { liveView } from './live-view.ts';
import { call, makePng, seedUsers, testWorkstation } from './workstation.ts';

/** Cheap scrypt for sealing test keys. */
export const fastSealerScrypt = { N: 1024, r: 8, p: 1 } as const;

/** The passphrase of test signing keys. */
export const keyPassphrase = 'a long test key passphrase';

/** A passphrase sealer for tests. */
export function testSealer(passphrase = keyPassphrase): NamedSealer {
  return { kind: 'passphrase', sealer: createPassphraseSealer(passphrase, fastSealerScrypt) };
}

/** A workstation with users of every role, an unlocked signing key, a case and two evidence items. */
export async function auditedWorkstation(): Promise<{
  env: ReturnType<typeof testWorkstation>;
  clients: Record<Role, string>;
  theCase: Case;
  other: Case;
}> {
  const env = testWorkstation({ keySealer: testSealer(), sealerScryptParams: fastSealerScrypt });
  const clients = await seedUsers(env.ws);
  const theCase = await call(env.ws, clients.expert, 'cases.create', { number: 'A-1/2026', venue: 'Almaty lab', caseType: 'criminal', parties: 'State v. Қасымов' });
  const other = await call(env.ws, clients.judge, 'cases.create', { number: 'B-2/2026', venue: 'Astana court', caseType: 'civil', parties: 'ТОО «Алма» v. ИП Ли' });
  await call(env.ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'a.png', bytes: makePng(8, 8, 1) });
  await call(env.ws, clients.expert, 'evidence.add', { caseId: theCase.id, fileName: 'b.png', bytes: makePng(8, 8, 2) });
  return { env, clients, theCase, other };
}

/** What auditedWorkstation() gives. */
export type AuditedWorkstation = Awaited<ReturnType<typeof auditedWorkstation>>;

/**
 * A fresh auditedWorkstation() before each test of the surrounding block, disposed after the test; read its fields
 * inside tests and later hooks (call it before hooks that use it).
 */
export function useAuditedWorkstation(): AuditedWorkstation {
  let current: AuditedWorkstation | undefined;
  beforeEach(async () => {
    current = await auditedWorkstation();
  });
  afterEach(() => {
    current?.env.dispose();
    current = undefined;
  });
  const made = (): AuditedWorkstation => {
    if (!current) throw new Error('the audited workstation exists only while a test runs');
    return current;
  };
  return liveView(made, ['env', 'clients', 'theCase', 'other']);
}
