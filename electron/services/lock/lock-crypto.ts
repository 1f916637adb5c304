import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { RandomSource } from '../deps';

/** scrypt's cost, kept with each hash so a later version can raise it without locking anyone out. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** About 16 MB and a few tens of milliseconds per try on an office PC: slow for guessing, quick for a person. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 16384, r: 8, p: 1, keyLength: 32 };

export interface SecretHash {
  /** base64 of the derived key. */
  hash: string;
  params: ScryptParams;
}

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The per-install salt (and a second one for the recovery code): random bytes kept with the lock's file. */
export function newSalt(random: RandomSource): string {
  return Buffer.from(random.bytes(16)).toString('base64');
}

export async function hashSecret(secret: string, salt: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<SecretHash> {
  const key = await derive(secret, Buffer.from(salt, 'base64'), params);
  return { hash: key.toString('base64'), params };
}

/** Constant-time comparison of the derived keys. */
export async function verifySecret(secret: string, salt: string, stored: SecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(secret, Buffer.from(salt, 'base64'), { ...stored.params, keyLength: expected.length });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** No 0/O, 1/I/L, 2/Z, 5/S or U/V: nothing that a handwritten copy confuses. */
const RECOVERY_ALPHABET = '346789ABCDEFGHJKMNPQRTWXY';
const RECOVERY_GROUPS = 5;
const RECOVERY_GROUP_LENGTH = 4;

/** A recovery code like `7KQ3-MX9T-…`: 20 characters of a 25-letter alphabet (about 93 bits). */
export function newRecoveryCode(random: RandomSource): string {
  const chars: string[] = [];
  while (chars.length < RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH) {
    // Rejection sampling keeps every character equally likely.
    for (const byte of random.bytes(32)) {
      if (byte >= 250) continue;
      chars.push(RECOVERY_ALPHABET[byte % 25] as string);
      if (chars.length === RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH) break;
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < RECOVERY_GROUPS; i++) groups.push(chars.slice(i * RECOVERY_GROUP_LENGTH, (i + 1) * RECOVERY_GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** What was typed, as the code was issued: case, spaces, dashes and full-width forms do not matter. */
export function normalizeRecoveryCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '');
}
