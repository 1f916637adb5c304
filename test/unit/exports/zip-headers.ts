/**
 * The entries of a zip read straight from its headers (not through a zip library), so a test can
 * assert what the file says about itself: the general purpose flags of the local header and of the
 * central directory (bit 11, 0x0800, "language encoding flag (EFS)": the name is UTF-8), the
 * compression method, the name's bytes decoded as UTF-8.
 */
export interface ZipEntryHeaders {
  name: string;
  localFlags: number;
  centralFlags: number;
  method: number;
  size: number;
}

export function zipEntries(zip: Uint8Array): ZipEntryHeaders[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const out: ZipEntryHeaders[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const centralFlags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header at ${local}`);
    out.push({ name, localFlags: view.getUint16(local + 6, true), centralFlags, method, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
