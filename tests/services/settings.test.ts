import { afterEach, describe, expect, it } from 'vitest';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';

describe('workstation settings', () => {
  let dispose = () => undefined as void;
  afterEach(() => dispose());

  it('start at the defaults: technical review required, clerks do not record verdicts, no research case types', async () => {
    const t = testWorkstation();
    dispose = t.dispose;
    const clients = await seedUsers(t.ws);
    expect(await call(t.ws, clients.expert, 'settings.get', {})).toEqual({
      workstationName: 'Dalel workstation',
      technicalReviewRequired: true,
      clerksMayRecordVerdicts: false,
      researchCaseTypes: false,
    });
  });

  it('are changed by an administrator only, each change audit-logged with its old and new value', async () => {
    const t = testWorkstation();
    dispose = t.dispose;
    const clients = await seedUsers(t.ws);
    const refused = await t.ws.dispatcher.invoke(clients.expert, 'settings.update', { technicalReviewRequired: false });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const before = t.ws.audit.size();
    const updated = await call(t.ws, clients.administrator, 'settings.update', { technicalReviewRequired: false, workstationName: 'Almaty forensic centre, lab 2', researchCaseTypes: false });
    expect(updated.technicalReviewRequired).toBe(false);
    expect(updated.workstationName).toBe('Almaty forensic centre, lab 2');
    // Two values changed (researchCaseTypes was already false): two entries.
    const entries = t.ws.audit.list({ action: 'settings.changed' }).map((row) => JSON.parse(new TextDecoder().decode(row.bytes)) as { details: Record<string, unknown> });
    expect(t.ws.audit.size() - before).toBe(2);
    expect(entries.map((e) => e.details)).toEqual([
      { setting: 'workstationName', from: 'Dalel workstation', to: 'Almaty forensic centre, lab 2' },
      { setting: 'technicalReviewRequired', from: true, to: false },
    ]);
    expect((await call(t.ws, clients.judge, 'settings.get', {})).technicalReviewRequired).toBe(false);
  });

  it('refuse a value of the wrong type or an unknown setting', async () => {
    const t = testWorkstation();
    dispose = t.dispose;
    const clients = await seedUsers(t.ws);
    for (const payload of [{ technicalReviewRequired: 'no' }, { workstationName: '' }, { somethingElse: true }]) {
      const result = await t.ws.dispatcher.invoke(clients.administrator, 'settings.update', payload);
      expect(result.ok ? null : result.error.code).toBe('VALIDATION');
    }
  });
});
