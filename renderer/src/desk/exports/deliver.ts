import type { FileDelivery } from '../../../../shared/api/file-types';

/**
 * Hands an exported file to the user, as the services delivered it. Browser mode: the host holds a
 * one-time link; a hidden anchor opens it and the browser saves the file under its Chinese name
 * (the `download` attribute keeps an expired link from navigating the page away). Desktop: the file
 * is already written where the user chose in the save dialog. Answers the calm notice to show, or
 * null when there is nothing to say (a download shows in the browser's own bar; a closed dialog).
 */
export function deliverToUser(result: FileDelivery): string | null {
  switch (result.kind) {
    case 'download': {
      const a = document.createElement('a');
      a.href = result.url;
      a.download = result.fileName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      return null;
    }
    case 'saved':
      return `已保存到 ${result.path}`;
    case 'opened':
      return `已打开“${result.fileName}”。`;
    case 'cancelled':
      return null;
  }
}

/** Hands the file over and answers the notice to show: where it went, or that it was made; null when the dialog was closed. */
export function deliverWithNotice(result: FileDelivery): string | null {
  const said = deliverToUser(result);
  return result.kind === 'cancelled' ? null : (said ?? `已生成“${result.fileName}”。`);
}
