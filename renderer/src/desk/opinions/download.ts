/**
 * Saves an exported file the window received as base64: a Blob download with its Chinese name. It
 * works over both transports (Electron shows its save dialog for it; a browser saves it to its
 * downloads folder). The bytes are complete before anything is saved, so a failed export saves nothing.
 */
export function downloadBase64(fileName: string, base64: string, type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
