/** The application menu of packaged builds: only what an operator needs, nothing that reloads or inspects the page. */
import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A minimal menu: the macOS application menu (about, hide, quit), editing (so that copy, paste and undo keep their
 * shortcuts in text fields) and window controls. No View menu: no reload, force-reload or developer tools.
 */
export function minimalMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const window: MenuItemConstructorOptions = { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'close' }] };
  if (platform !== 'darwin') return [{ role: 'fileMenu', submenu: [{ role: 'quit' }] }, edit, window];
  return [{ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] }, edit, window];
}

/** Installs the minimal menu in packaged builds; development keeps Electron's default menu (reload, developer tools). */
export function installApplicationMenu(packaged: boolean, platform: NodeJS.Platform = process.platform): void {
  if (!packaged) return;
  Menu.setApplicationMenu(Menu.buildFromTemplate(minimalMenuTemplate(platform)));
}
