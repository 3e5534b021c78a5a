import { it } from 'vitest';
import { seedUsers, testWorkstation } from './workstation.ts';

/** What a decision test gets: a fresh workstation, its seeded users' sessions, and the SHA-256 of one installed model. */
export interface ModelWorkstation {
  readonly env: ReturnType<typeof testWorkstation>;
  readonly clients: Awaited<ReturnType<typeof seedUsers>>;
  readonly sha256: string;
}

/** A vitest `it` whose tests each get a ModelWorkstation with the model `install` writes into its data folder. */
export function itWithModel(install: (dataDir: string) => string) {
  return it.extend<{ model: ModelWorkstation }>({
    // Vitest reads which fixtures a fixture uses from its first parameter's pattern: this one uses none.
    // eslint-disable-next-line no-empty-pattern
    model: async ({}, use) => {
      const env = testWorkstation();
      try {
        const clients = await seedUsers(env.ws);
        await use({ env, clients, sha256: install(env.ws.dataDir) });
      } finally {
        env.dispose();
      }
    },
  });
}
