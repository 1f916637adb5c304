import type { Role } from '../../../shared/api/define';
import type { FileDelivery } from '../../../shared/api/file-types';
import type { DownloadRegistry } from '../../../electron/services/host/downloads';

/**
 * What the browser would receive for a delivered file: takes the one-time download the services
 * registered (browser mode's FilePort) out of the registry, as the HTTP host does for a GET.
 */
export function takeDelivered(services: { downloads: DownloadRegistry }, role: Role, result: FileDelivery): { fileName: string; bytes: Uint8Array; contentType: string } {
  if (result.kind !== 'download') throw new Error(`expected a download, got ${result.kind}`);
  const match = new RegExp(`^/${role}/download/([^/]+)$`).exec(result.url);
  if (!match?.[1]) throw new Error(`not a ${role} download link: ${result.url}`);
  const entry = services.downloads.take(role, decodeURIComponent(match[1]));
  if (!entry || entry.body === undefined) throw new Error(`no download ${result.url}`);
  const bytes = typeof entry.body === 'string' ? new TextEncoder().encode(entry.body) : entry.body;
  if (bytes.length !== result.bytes) throw new Error(`download holds ${bytes.length} bytes, the result says ${result.bytes}`);
  return { fileName: entry.fileName, bytes, contentType: entry.contentType };
}

/** UTF-8 text as stored, byte-order mark kept. */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
