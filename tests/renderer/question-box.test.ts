import { describe, expect, it } from 'vitest';
import { formValueOf } from '../../renderer/src/decision/question-box.tsx';

describe('question box: proposed values as the facts form holds them', () => {
  it('writes numbers and flags as the form types them, keeps checklists, and offers nothing else', () => {
    expect(formValueOf(400000)).toBe('400000');
    expect(formValueOf(true)).toBe('true');
    expect(formValueOf(false)).toBe('false');
    expect(formValueOf('188')).toBe('188');
    expect(formValueOf(['contract', 'invoice'])).toEqual(['contract', 'invoice']);
    expect(formValueOf({ value: 1, unit: 'KZT' })).toBeNull();
    expect(formValueOf(null)).toBeNull();
  });
});
