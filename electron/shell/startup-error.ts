import { startupFault } from '../services/store/messages';

/** Title and text of the dialog shown when the app cannot start. */
export function startupFailureText(error: unknown, userFacing: boolean, dataDir?: string): { title: string; content: string } {
  const title = '人大工作评议系统无法启动';
  const message = error instanceof Error ? error.message : String(error);
  // A user-facing error (e.g. the data folder is in use) already says what to do, in Chinese.
  if (userFacing) return { title, content: message };
  // A failure of the disk (full, read-only, USB stick pulled) gets the same advice as in the app.
  const fault = startupFault(error, dataDir);
  if (fault) return { title, content: fault };
  return {
    title,
    content: `启动时发生错误，数据没有被更改。\n\n${message}\n\n请重新启动程序；如果仍然出现，请把这段文字告诉技术人员。`,
  };
}
