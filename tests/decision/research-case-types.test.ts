import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCaseType } from '../../models/cases/case-type.ts';
import { writeModelFolder } from '../../main/services/decision/model-store.ts';
import { trainCaseType } from '../../models/ebm/train-case-type.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';
import { toyCsv, toyDocument } from './fixtures.ts';

/** A small model whose case type carries a research id (the US tasks are trained on data not shipped to tests). */
function trainAs(dir: string, id: string) {
  const document = toyDocument('regression');
  const caseType = parseCaseType({ ...document, 'x-dalel': { ...(document['x-dalel'] as object), id } }, `${id}.json`);
  const file = join(dir, `${id}.csv`);
  writeFileSync(file, toyCsv('regression', 600));
  return trainCaseType({ caseType, file, options: { bags: 1, interactions: 0 }, now: new Date('2026-11-27T09:00:00Z') });
}

describe('research case types', () => {
  let env: ReturnType<typeof testWorkstation>;
  let clients: Awaited<ReturnType<typeof seedUsers>>;
  let research: string;
  let ordinary: string;
  beforeEach(async () => {
    env = testWorkstation();
    clients = await seedUsers(env.ws);
    const scdb = trainAs(env.ws.dataDir, 'scdb-outcome');
    writeModelFolder(join(env.ws.dataDir, 'models', 'scdb'), scdb.model, scdb.onnx, scdb.card);
    research = scdb.sha256;
    const toy = trainAs(env.ws.dataDir, 'toy-regression');
    writeModelFolder(join(env.ws.dataDir, 'models', 'toy'), toy.model, toy.onnx, toy.card);
    ordinary = toy.sha256;
  });
  afterEach(() => env.dispose());

  const facts = { x1: 6, x2: 1.5, court: 'city', flags: ['b'] };

  it('Roles: US research case types are hidden outside an administrator\'s "research" setting', async () => {
    for (const client of [clients.judge, clients.clerk]) {
      expect((await call(env.ws, client, 'decision.models', {})).map((m) => m.sha256)).toEqual([ordinary]);
      const ids = (await call(env.ws, client, 'decision.caseTypes', {})).map((c) => c.id);
      expect(ids).toContain('toy-regression');
      expect(ids).not.toContain('scdb-outcome');
    }
    // The administrator manages every installed model, research ones included.
    expect((await call(env.ws, clients.administrator, 'decision.models', {})).map((m) => m.sha256).sort()).toEqual([ordinary, research].sort());
    const refused = await env.ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: research, facts });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', params: { reasonCode: 'research-case-type' } } });
    expect(await env.ws.dispatcher.invoke(clients.judge, 'decision.predictBatch', { modelSha256: research, cases: [facts] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await call(env.ws, clients.administrator, 'settings.update', { researchCaseTypes: true });
    expect((await call(env.ws, clients.judge, 'decision.models', {})).map((m) => m.sha256).sort()).toEqual([ordinary, research].sort());
    expect((await call(env.ws, clients.judge, 'decision.predict', { modelSha256: research, facts })).model.caseType).toBe('scdb-outcome');
  });

  it('a researcher\'s own model folder named explicitly (the CLI\'s --model DIR) is consulted whatever the setting', async () => {
    const own = trainAs(env.ws.dataDir, 'ussc-sentencing');
    const dir = join(env.ws.dataDir, 'own-ussc');
    writeModelFolder(dir, own.model, own.onnx, own.card);
    env.ws.decision.register(dir);
    expect((await call(env.ws, clients.judge, 'decision.predict', { modelSha256: own.sha256, facts })).model.caseType).toBe('ussc-sentencing');
  });
});
