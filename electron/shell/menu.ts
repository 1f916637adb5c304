import { app, dialog, Menu } from 'electron';
import { menuTemplate, type MenuActions } from './menu-template';
import { PRODUCT_NAME } from './window-options';

export function installAppMenu(actions: Omit<MenuActions, 'showAbout'>): void {
  const template = menuTemplate(
    { isPackaged: app.isPackaged, platform: process.platform },
    {
      ...actions,
      showAbout: () => {
        void dialog.showMessageBox({
          type: 'info',
          title: '关于',
          message: PRODUCT_NAME,
          detail: `版本 ${app.getVersion()}`,
          buttons: ['确定'],
        });
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
