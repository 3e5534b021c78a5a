// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DayField, LocalTimeField } from '../../../renderer/src/common/date-text-field.tsx';
import { cleanup, fakeApi, need, render, type } from '../expert-harness.tsx';
import { click } from '../dom-actions.ts';

afterEach(cleanup);

/** A day field whose every value is recorded, with a button that clears it from outside (as a form's reset does). */
function DayForm({ seen, initial = '' }: { seen: string[]; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DayField
        label="Date of the verdict"
        value={value}
        onChange={(next) => {
          seen.push(next);
          setValue(next);
        }}
        testId="day"
      />
      <button type="button" data-testid="clear" onClick={() => setValue('')} />
    </>
  );
}

const input = (id: string) => need(id) as HTMLInputElement;
const blur = (id: string) => act(async () => input(id).dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
const helper = (id: string) => input(id).closest('.MuiFormControl-root')!.querySelector('.MuiFormHelperText-root')?.textContent ?? '';

describe('a day field', () => {
  it('shows a given day as dd.mm.yyyy and gives the ISO day of what is typed, not the browser’s mm/dd/yyyy', async () => {
    const seen: string[] = [];
    await render(fakeApi({}).api, <DayForm seen={seen} initial="2026-11-20" />, 'ru');
    expect(input('day').value).toBe('20.11.2026');
    expect(input('day').type).toBe('text');
    expect(input('day').placeholder).toBe('дд.мм.гггг');
    await type('day', '05/06/2026');
    expect(seen.at(-1)).toBe('2026-06-05');
    await blur('day');
    expect(input('day').value).toBe('05.06.2026');
    expect(need('day-calendar').getAttribute('aria-label')).toBe('Выбрать в календаре');
  });

  it('says in the reader’s language how to write a date it cannot read, once the reader leaves the field, and gives no value', async () => {
    const seen: string[] = [];
    await render(fakeApi({}).api, <DayForm seen={seen} />, 'kk');
    await type('day', '31.02.2026');
    expect(seen.at(-1)).toBe('');
    expect(helper('day')).toBe('');
    await blur('day');
    expect(helper('day')).toBe('Күнді кк.аа.жжжж түрінде жазыңыз, мысалы 05.12.2026.');
    expect(input('day').value).toBe('31.02.2026');
    await type('day', '28.02.2026');
    expect(seen.at(-1)).toBe('2026-02-28');
    expect(helper('day')).toBe('');
  });

  it('empties the text when the form clears the value', async () => {
    await render(fakeApi({}).api, <DayForm seen={[]} initial="2026-11-20" />, 'en');
    await click('clear');
    expect(input('day').value).toBe('');
  });
});

describe('a local time field', () => {
  it('reads a day alone at the end of a range as its last minute, and writes the time on a 24-hour clock', async () => {
    const seen: string[] = [];
    function To() {
      const [value, setValue] = useState('');
      return (
        <LocalTimeField
          label="To"
          value={value}
          dayAlone="end"
          onChange={(next) => {
            seen.push(next);
            setValue(next);
          }}
          testId="to"
        />
      );
    }
    await render(fakeApi({}).api, <To />, 'en');
    await type('to', '5.12.2026');
    expect(seen.at(-1)).toBe('2026-12-05T23:59');
    await blur('to');
    expect(input('to').value).toBe('05.12.2026 23:59');
    expect(input('to').placeholder).toBe('dd.mm.yyyy hh:mm');
  });
});
