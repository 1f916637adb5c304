import type { Role } from '../../shared/api/define';

/**
 * Which role each of our windows has, keyed by webContents id. Main decides a window's role when
 * it creates it; IPC looks the sender up here, so a page can never claim another role.
 */
export class RoleRegistry {
  private readonly roles = new Map<number, Role>();

  add(webContentsId: number, role: Role): void {
    if (this.roles.has(webContentsId)) throw new Error(`web contents ${webContentsId} already has a role`);
    this.roles.set(webContentsId, role);
  }

  remove(webContentsId: number): void {
    this.roles.delete(webContentsId);
  }

  roleOf(webContentsId: number): Role | undefined {
    return this.roles.get(webContentsId);
  }

  get size(): number {
    return this.roles.size;
  }
}
