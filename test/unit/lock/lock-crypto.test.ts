import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashSecret, newRecoveryCode, newSalt, normalizeRecoveryCode, verifySecret } from '../../../electron/services/lock/lock-crypto';
import { cryptoRandom, type RandomSource } from '../../../electron/services/deps';

const cheap = { N: 1024, r: 8, p: 1, keyLength: 32 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one, with the production cost', async () => {
    const salt = newSalt(cryptoRandom);
    const stored = await hashSecret('评议2026!', salt);
    expect(stored.params).toEqual(DEFAULT_SCRYPT);
    expect(stored.hash).not.toContain('评议');
    expect(await verifySecret('评议2026!', salt, stored)).toBe(true);
    expect(await verifySecret('评议2026', salt, stored)).toBe(false);
    expect(await verifySecret('', salt, stored)).toBe(false);
  });

  it('uses the per-install salt: the same password gives another hash on another install', async () => {
    const a = await hashSecret('secret-1', newSalt(cryptoRandom), cheap);
    const b = await hashSecret('secret-1', newSalt(cryptoRandom), cheap);
    expect(a.hash).not.toBe(b.hash);
  });

  it('keeps the cost with the hash, so a hash made with other parameters still verifies', async () => {
    const salt = newSalt(cryptoRandom);
    const stored = await hashSecret('secret-1', salt, cheap);
    expect(await verifySecret('secret-1', salt, stored)).toBe(true);
  });

  it('treats the composed and decomposed forms of a character as the same password', async () => {
    const salt = newSalt(cryptoRandom);
    const stored = await hashSecret('caf\u00e9', salt, cheap);
    expect(await verifySecret('cafe\u0301', salt, stored)).toBe(true);
  });
});

describe('recovery code', () => {
  it('is five groups of four characters from an alphabet without look-alikes', () => {
    const code = newRecoveryCode(cryptoRandom);
    expect(code).toMatch(/^[346789ABCDEFGHJKMNPQRTWXY]{4}(-[346789ABCDEFGHJKMNPQRTWXY]{4}){4}$/);
    expect(newRecoveryCode(cryptoRandom)).not.toBe(code);
  });

  it('skips bytes that would bias the alphabet', () => {
    let call = 0;
    // First batch all 250..255 (all rejected), then zeros: every character the first of the alphabet.
    const random: RandomSource = { bytes: (n) => new Uint8Array(n).fill(call++ === 0 ? 255 : 0) };
    expect(newRecoveryCode(random)).toBe('3333-3333-3333-3333-3333');
  });

  it('reads a typed code whatever its case, spaces, dashes or full-width forms', () => {
    expect(normalizeRecoveryCode(' 7kq3-mx9t 4444－ＡＢＣＤ-ehjk ')).toBe('7KQ3MX9T4444ABCDEHJK');
  });
});
