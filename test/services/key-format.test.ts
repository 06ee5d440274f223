import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKey, hashKey, isWellFormedKey, keyHint, keyMode } from '../../src/services/key-format.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('key format', () => {
  it('generates well-formed keys of the requested mode, 10,000 of them without a duplicate', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const mode = i % 2 === 0 ? 'live' : 'test';
      const key = generateKey(mode);
      expect(key).toMatch(new RegExp(`^jfi_sk_${mode}_[0-9A-Za-z]{40}$`));
      expect(isWellFormedKey(key)).toBe(true);
      expect(keyMode(key)).toBe(mode);
      seen.add(key);
    }
    expect(seen.size).toBe(10_000);
  });

  it('catches every single-character typo in the body', () => {
    for (const mode of ['live', 'test'] as const) {
      const key = generateKey(mode);
      for (let position = 12; position < key.length; position++) {
        for (const replacement of ALPHABET) {
          if (replacement === key[position]) continue;
          const typo = key.slice(0, position) + replacement + key.slice(position + 1);
          expect(isWellFormedKey(typo), `${position}:${replacement}`).toBe(false);
        }
      }
    }
  });

  it('rejects a swapped mode, a swap of two neighbours, truncation and junk', () => {
    const key = generateKey('live');
    expect(isWellFormedKey(key.replace('_live_', '_test_'))).toBe(false);
    const body = key.slice(12);
    const i = [...body].findIndex((c, j) => j < 33 && c !== body[j + 1]);
    const swapped = key.slice(0, 12 + i) + body[i + 1] + body[i] + key.slice(12 + i + 2);
    expect(isWellFormedKey(swapped)).toBe(false);
    for (const bad of [key.slice(0, -1), `${key}x`, '', 'jfi_sk_live_', `Bearer ${key}`, ` ${key}`, key.toUpperCase(), 'x'.repeat(100_000)]) {
      expect(isWellFormedKey(bad)).toBe(false);
    }
    for (const notString of [null, undefined, 42, {}, [key]]) expect(isWellFormedKey(notString)).toBe(false);
  });

  it('hashes the whole key with SHA-256 and shows a prefix-and-last-4 hint', () => {
    const key = generateKey('test');
    expect(hashKey(key)).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyHint(key)).toBe(`jfi_sk_test_…${key.slice(-4)}`);
    expect(keyHint(key)).not.toContain(key.slice(12, -4));
  });
});
