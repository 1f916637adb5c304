import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { ROLES, type Role } from '../../../shared/api/define';
import { cryptoRandom, silentLogger, type Logger, type RandomSource } from '../deps';
import { writeFileDurably } from '../store/durable-file';
import { nodeStoreFs } from '../store/store-fs';

export const TOKENS_FILE = 'host-tokens.json';
const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding is exactly 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type HostTokens = Record<Role, string>;

/**
 * Browser-mode access tokens, one per role. They are kept in the data folder (not regenerated
 * per start) so pages left open reconnect with their cookie after the host restarts on the same
 * port. The file holds no user data, so a corrupt one is simply replaced.
 */
export async function loadOrCreateTokens(dataDir: string, random: RandomSource = cryptoRandom, log: Logger = silentLogger): Promise<HostTokens> {
  const file = join(dataDir, TOKENS_FILE);
  let text: string | undefined;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (text !== undefined) {
    const tokens = parseTokens(text);
    if (tokens) {
      await tightenMode(file);
      return tokens;
    }
    log.warn('host token file is unreadable; replacing it with new tokens', { file });
  }
  const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken(random)])) as HostTokens;
  await fsp.mkdir(dataDir, { recursive: true });
  // The store's atomic, durable write; the file is the owner's only from its first byte.
  await writeFileDurably(nodeStoreFs, file, Buffer.from(`${JSON.stringify({ version: 1, tokens }, null, 2)}\n`, 'utf8'), 0o600);
  return tokens;
}

function newToken(random: RandomSource = cryptoRandom): string {
  return Buffer.from(random.bytes(TOKEN_BYTES)).toString('base64url');
}

function parseTokens(text: string): HostTokens | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const tokens = (value as { tokens?: unknown } | null)?.tokens;
  if (typeof tokens !== 'object' || tokens === null) return undefined;
  const out: Partial<HostTokens> = {};
  for (const role of ROLES) {
    const token = (tokens as Record<string, unknown>)[role];
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return undefined;
    out[role] = token;
  }
  // Identical tokens would let one role's link open another role's window.
  if (new Set(Object.values(out)).size !== ROLES.length) return undefined;
  return out as HostTokens;
}

/** A copied or restored file may have come back world-readable; the tokens are secrets. */
async function tightenMode(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await fsp.stat(file);
  if ((mode & 0o077) !== 0) await fsp.chmod(file, 0o600);
}
