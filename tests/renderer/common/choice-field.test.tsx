// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChoiceField, type Choice } from '../../../renderer/src/common/choice-field.tsx';
import { cleanup, fakeApi, need, render, type } from '../expert-harness.tsx';

afterEach(cleanup);

type Colour = 'red' | 'blue';
const colours: ReadonlyArray<Choice<Colour>> = [
  { value: 'red', label: 'Red' },
  { value: 'blue', label: 'Blue' },
];

/** The field in a form of one choice, reporting every value it is given. */
function Form({ seen, empty, error }: { seen: Array<Colour | ''>; empty?: { label: string; choosable?: boolean }; error?: string | null }) {
  const [value, setValue] = useState<Colour | ''>('');
  return (
    <ChoiceField
      label="Colour"
      value={value}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
      choices={colours}
      {...(empty ? { empty } : {})}
      error={error ?? null}
      helperText="The colour of the seal"
      testId="colour"
    />
  );
}

const select = () => need('colour') as HTMLSelectElement;
const options = () => [...select().options].map((o) => ({ value: o.value, text: o.textContent, disabled: o.disabled }));

describe('a choice field', () => {
  it('lists a prompt that cannot be chosen back, then the choices by their words, and gives the chosen value', async () => {
    const seen: Array<Colour | ''> = [];
    await render(fakeApi({}).api, <Form seen={seen} empty={{ label: 'Choose a colour' }} />);
    expect(options()).toEqual([
      { value: '', text: 'Choose a colour', disabled: true },
      { value: 'red', text: 'Red', disabled: false },
      { value: 'blue', text: 'Blue', disabled: false },
    ]);
    await type('colour', 'blue');
    expect(seen).toEqual(['blue']);
    expect(select().value).toBe('blue');
    expect(need('colour').closest('.MuiFormControl-root')!.textContent).toContain('The colour of the seal');
  });

  it('offers an empty choice of its own where it is one (all, none)', async () => {
    const seen: Array<Colour | ''> = [];
    await render(fakeApi({}).api, <Form seen={seen} empty={{ label: 'Any colour', choosable: true }} />);
    expect(options()[0]).toEqual({ value: '', text: 'Any colour', disabled: false });
    await type('colour', 'red');
    await type('colour', '');
    expect(seen).toEqual(['red', '']);
  });

  it('says its problem in place of its hint and marks itself invalid', async () => {
    await render(fakeApi({}).api, <Form seen={[]} error="Choose the colour of the seal." />);
    expect(select().getAttribute('aria-invalid')).toBe('true');
    const field = need('colour').closest('.MuiFormControl-root')!.textContent;
    expect(field).toContain('Choose the colour of the seal.');
    expect(field).not.toContain('The colour of the seal');
  });
});
