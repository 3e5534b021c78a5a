import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installApplicationMenu, minimalMenuTemplate } from '../../main/electron/app-menu.ts';
import { Menu } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

/** Every role in a template, submenus included. */
function roles(items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    const { role, submenu } = item as { role?: string; submenu?: unknown[] };
    return [...(role ? [role] : []), ...(submenu ? roles(submenu) : [])];
  });
}

describe('application menu', () => {
  beforeEach(() => {
    Menu.setApplicationMenu.mockClear();
    Menu.applicationMenu = null;
  });

  it.each(['linux', 'win32', 'darwin'] as const)('packaged on %s: a minimal menu without reload, view or developer tools', (platform) => {
    installApplicationMenu(true, platform);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const found = roles(Menu.applicationMenu!.template);
    for (const refused of ['viewMenu', 'reload', 'forceReload', 'toggleDevTools']) expect(found).not.toContain(refused);
    expect(found).toEqual(expect.arrayContaining(['editMenu', 'copy', 'paste', 'undo', 'windowMenu', 'quit']));
    expect(Menu.applicationMenu!.template).toEqual(minimalMenuTemplate(platform));
  });

  it('in development: the default menu stays', () => {
    installApplicationMenu(false, 'linux');
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
  });
});
