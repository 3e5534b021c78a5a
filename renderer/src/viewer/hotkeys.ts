/**
 * The keyboard shortcuts as data (OHIF hotkeyBindings, Label Studio keymap.json): command id → keys and the
 * translation key of its description. The dispatcher hook and the help overlay are both generated from this table,
 * so a shortcut cannot work without being listed, or be listed without working.
 */
export const hotkeyTable = [
  { id: 'finding.accept', keys: ['a'], description: 'hotkeys.commands.findingAccept', group: 'review' },
  { id: 'finding.reject', keys: ['r'], description: 'hotkeys.commands.findingReject', group: 'review' },
  { id: 'finding.amend', keys: ['e'], description: 'hotkeys.commands.findingAmend', group: 'review' },
  { id: 'finding.next', keys: ['j', 'ArrowDown'], description: 'hotkeys.commands.findingNext', group: 'review' },
  { id: 'finding.previous', keys: ['k', 'ArrowUp'], description: 'hotkeys.commands.findingPrevious', group: 'review' },
  { id: 'mode.side-by-side', keys: ['1'], description: 'hotkeys.commands.modeSideBySide', group: 'viewer' },
  { id: 'mode.overlay', keys: ['2'], description: 'hotkeys.commands.modeOverlay', group: 'viewer' },
  { id: 'mode.swipe', keys: ['3'], description: 'hotkeys.commands.modeSwipe', group: 'viewer' },
  { id: 'mode.difference', keys: ['4'], description: 'hotkeys.commands.modeDifference', group: 'viewer' },
  { id: 'zoom.in', keys: ['+', '='], description: 'hotkeys.commands.zoomIn', group: 'viewer' },
  { id: 'zoom.out', keys: ['-'], description: 'hotkeys.commands.zoomOut', group: 'viewer' },
  { id: 'zoom.reset', keys: ['0'], description: 'hotkeys.commands.zoomReset', group: 'viewer' },
  { id: 'help', keys: ['?'], description: 'hotkeys.commands.help', group: 'general' },
] as const satisfies readonly { readonly id: string; readonly keys: readonly string[]; readonly description: string; readonly group: string }[];

/** A command a shortcut runs. */
export type HotkeyCommand = (typeof hotkeyTable)[number]['id'];
/** One row of the table. */
export type HotkeyBinding = (typeof hotkeyTable)[number];
/** The groups of the help overlay, in order. */
export const hotkeyGroups = ['review', 'viewer', 'general'] as const;

/** The key a keyboard event names, compared case-insensitively for letters ('A' with Shift is still 'a'). */
function normalise(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

/**
 * The command a key press runs, or null. Presses with Ctrl, Alt or Meta belong to the browser and the operating
 * system; Shift is allowed because '?' and '+' need it on most layouts.
 */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): HotkeyCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = normalise(event.key);
  return hotkeyTable.find((binding) => (binding.keys as readonly string[]).some((k) => normalise(k) === key))?.id ?? null;
}

/** How a key is shown in the help overlay. */
export function keyLabel(key: string): string {
  const arrows: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };
  return arrows[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}
