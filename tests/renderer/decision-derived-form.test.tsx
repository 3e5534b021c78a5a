// @vitest-environment jsdom
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import { FactsForm } from '../../renderer/src/decision/facts-form.tsx';
import { emptyValues, readFacts } from '../../renderer/src/decision/facts-state.ts';
import { byTestId, cleanup, fakeApi, need, render } from './expert-harness.tsx';

afterEach(cleanup);

// The shipped SCDB schema (read by path: under jsdom, import.meta.url cannot be used); 1.1.0 adds derived inputs.
const scdb = caseTypeView(findCaseType(loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types')), 'scdb-outcome', '1.1.0'));
const derived = scdb.fields.filter((f) => f.derived);

describe('inputs computed from earlier cases in the facts form', () => {
  it('are listed by their titles, never asked, and never sent', async () => {
    expect(derived.length).toBe(7);
    const values = emptyValues(scdb);
    await render(fakeApi({}).api, <FactsForm caseType={scdb} values={values} problems={{}} onChange={() => undefined} />, 'en');
    for (const field of derived) expect(byTestId(`fact-${field.name}`)).toBeNull();
    expect(byTestId('fact-issueArea')).not.toBeNull();
    const note = need('facts-derived').textContent ?? '';
    expect(note).toContain('not entered');
    expect(note).toContain("Share of cases the petitioner won in the Court's previous 10 terms");
    expect(Object.keys(values)).not.toContain('petitionerWinsPrior10');
    expect(Object.keys(readFacts(scdb, { ...values, petitionerWinsPrior10: '0.7' }).facts)).not.toContain('petitionerWinsPrior10');
  });

  it('says so in Russian and Kazakh too', async () => {
    await render(fakeApi({}).api, <FactsForm caseType={scdb} values={emptyValues(scdb)} problems={{}} onChange={() => undefined} />, 'ru');
    expect(need('facts-derived').textContent).toContain('не вводятся');
    cleanup();
    await render(fakeApi({}).api, <FactsForm caseType={scdb} values={emptyValues(scdb)} problems={{}} onChange={() => undefined} />, 'kk');
    expect(need('facts-derived').textContent).toContain('енгізілмейді');
  });
});
