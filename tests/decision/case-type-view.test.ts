import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseTypeView, createCaseTypeViews } from '../../main/services/decision/case-type-view.ts';
import { writeModelFolder } from '../../main/services/decision/model-store.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';
import { toyCaseType, trainToy } from './fixtures.ts';

describe('case types for the interface', () => {
  it('offers the model inputs of kz-criminal with their bounds, options and labels, never outcomes or protected attributes', () => {
    const view = caseTypeView(findCaseType(loadCaseTypes(), 'kz-criminal'));
    const names = view.fields.map((f) => f.name);
    expect(names).toContain('mitigating');
    for (const hidden of ['punishment', 'termMonths', 'defendantSex', 'defendantCitizenship', 'decidedOn']) expect(names).not.toContain(hidden);
    const byName = new Map(view.fields.map((f) => [f.name, f]));
    expect(byName.get('part')).toMatchObject({ type: 'integer', kind: 'categorical', minimum: 1, maximum: 6, required: true });
    expect(byName.get('article')).toMatchObject({ type: 'string', pattern: '^[0-9]{1,3}(-[0-9])?$', required: true });
    expect(byName.get('mitigating')).toMatchObject({ kind: 'checklist', nullable: true });
    expect(byName.get('mitigating')!.options).toHaveLength(11);
    expect(byName.get('aggravating')!.labels['54.1.12']).toBe('состояние опьянения');
    expect(byName.get('recidivism')!.options).toEqual(['none', 'recidivism', 'dangerous', 'especially-dangerous']);
    expect(byName.get('damageMrp')).toMatchObject({ type: 'number', minimum: 0, maximum: null });
    expect(view.outcomes.map((o) => o.name)).toEqual(['punishment', 'term-months', 'fine-mrp', 'service-hours']);
    expect(view.outcomes[1]).toMatchObject({ kind: 'regression', unit: 'months', when: { field: 'punishment', in: ['restriction-of-freedom', 'imprisonment', 'suspended'] } });
  });

  it('adds the case types embedded in installed models once each, after the shipped ones', () => {
    const toy = toyCaseType('regression');
    const shipped = loadCaseTypes();
    const views = createCaseTypeViews(() => [toy, toy, shipped[0]!])();
    expect(views.map((v) => v.id)).toEqual([...shipped.map((c) => c.id), 'toy-regression']);
  });

  describe('over the channel', () => {
    let env: ReturnType<typeof testWorkstation> | null = null;
    afterEach(() => env?.dispose());

    it('answers judges and clerks (including an installed model’s own case type) and refuses experts', async () => {
      env = testWorkstation();
      const clients = await seedUsers(env.ws);
      const trained = trainToy(env.ws.dataDir, 'regression', 400);
      writeModelFolder(join(env.ws.dataDir, 'models', 'toy'), trained.model, trained.onnx, trained.card);
      const forJudge = await call(env.ws, clients.judge, 'decision.caseTypes', {});
      expect(forJudge.map((c) => c.id)).toEqual(expect.arrayContaining(['kz-criminal', 'kz-civil-contract', 'toy-regression']));
      expect((await call(env.ws, clients.clerk, 'decision.caseTypes', {})).length).toBe(forJudge.length);
      const refused = await env.ws.dispatcher.invoke(clients.expert, 'decision.caseTypes', {});
      expect(refused.ok).toBe(false);
    });
  });
});
