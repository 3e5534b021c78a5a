import { describe, expect, it } from 'vitest';
import { comparisonModes } from '../../../renderer/src/viewer/comparison-mode.ts';
import { commandFor, hotkeyGroups, hotkeyTable, keyLabel } from '../../../renderer/src/viewer/hotkeys.ts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) =>
  commandFor({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('the hotkey table', () => {
  it('has the commands the issue asks for, each with keys, a description and a known group', () => {
    const ids = hotkeyTable.map((b) => b.id);
    for (const id of ['finding.accept', 'finding.reject', 'finding.amend', 'finding.next', 'finding.previous', 'zoom.in', 'zoom.out', 'zoom.reset', 'help']) expect(ids).toContain(id);
    for (const mode of comparisonModes) expect(ids).toContain(`mode.${mode}`);
    for (const binding of hotkeyTable) {
      expect(binding.keys.length).toBeGreaterThan(0);
      expect(binding.description).toMatch(/^hotkeys\.commands\./);
      expect(hotkeyGroups).toContain(binding.group);
    }
  });

  it('binds no key twice', () => {
    const keys = hotkeyTable.flatMap((b) => b.keys.map((k) => (k.length === 1 ? k.toLowerCase() : k)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps key presses to commands from the table, ignoring case and leaving Ctrl/Alt/Meta to the system', () => {
    for (const binding of hotkeyTable) for (const key of binding.keys) expect(press(key)).toBe(binding.id);
    expect(press('A')).toBe('finding.accept');
    expect(press('a', { ctrlKey: true })).toBeNull();
    expect(press('r', { metaKey: true })).toBeNull();
    expect(press('x')).toBeNull();
    expect(keyLabel('ArrowDown')).toBe('↓');
    expect(keyLabel('j')).toBe('J');
  });
});
