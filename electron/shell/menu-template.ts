import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  showAbout(): void;
  /** Opens (or brings forward) the operator console window. */
  openConsole(): void;
  /** Opens the hall window on its display (or brings it forward). */
  openHall(): void;
}

/**
 * The application menu: short, in Chinese, and only what an office user needs. Edit entries are
 * there so that copy and paste shortcuts work everywhere; reload and developer tools only in
 * development (`isPackaged` false), because reloading mid-meeting would confuse the console.
 */
export function menuTemplate(options: { isPackaged: boolean; platform: NodeJS.Platform }, actions: MenuActions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [{ role: 'quit', label: '退出' }],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
      ...(options.isPackaged
        ? []
        : ([
            { type: 'separator' },
            { role: 'reload', label: '重新加载（开发）' },
            { role: 'toggleDevTools', label: '开发者工具（开发）' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };
  // Until the desk has its own button for it, the menu is how the live meeting's windows open.
  const meeting: MenuItemConstructorOptions = {
    label: '会议',
    submenu: [
      { label: '会议现场', click: () => actions.openConsole() },
      { label: '大屏', click: () => actions.openHall() },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '帮助',
    submenu: [{ label: '关于人大工作评议系统', click: () => actions.showAbout() }],
  };
  // macOS puts the app's own menu first; the other platforms have no such menu.
  const mac: MenuItemConstructorOptions[] =
    options.platform === 'darwin' ? [{ role: 'appMenu', label: '人大工作评议系统' }] : [];
  return [...mac, file, edit, view, meeting, help];
}
