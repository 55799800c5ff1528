/** Largest value of an unsigned 32-bit integer plus one, to turn a hash into [0, 1). */
const uint32Range = 4_294_967_296;

/** mulberry32: a tiny seeded PRNG; the same seed always yields the same sequence of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / uint32Range;
  };
}

/** murmur3's finaliser: a bijection on uint32 (distinct inputs give distinct outputs). */
export function finalizeHash(input: number): number {
  let value = input >>> 0;
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
}

function mixInto(hash: number, input: number): number {
  let value = Math.imul(input | 0, 0xcc9e2d51);
  value = (value << 15) | (value >>> 17);
  value = Math.imul(value, 0x1b873593);
  let mixed = hash ^ value;
  mixed = (mixed << 13) | (mixed >>> 19);
  return (Math.imul(mixed, 5) + 0xe6546b64) | 0;
}

/** A well-mixed uint32 of a few integers (order matters); the stateless twin of `mulberry32`. */
export function hashNumbers(a: number, b = 0, c = 0, d = 0): number {
  let hash = mixInto(0x9747b28c, a);
  hash = mixInto(hash, b);
  hash = mixInto(hash, c);
  hash = mixInto(hash, d);
  return finalizeHash(hash ^ 16);
}

const stringHashes = new Map<string, number>();

/** FNV-1a of a string, cached: salts are a few literals used millions of times. */
export function hashString(text: string): number {
  const cached = stringHashes.get(text);
  if (cached !== undefined) return cached;
  let hash = 0x811c9dc5;
  for (let position = 0; position < text.length; position += 1) {
    hash ^= text.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193);
  }
  const result = finalizeHash(hash);
  if (stringHashes.size < 10_000) stringHashes.set(text, result);
  return result;
}

/** A seed given as a number or a string, as a uint32. */
export function normalizeSeed(seed: number | string | undefined, fallback: number): number {
  if (seed === undefined) return fallback >>> 0;
  if (typeof seed === 'string') return hashString(seed);
  return Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : fallback >>> 0;
}

/** A hash turned into a float in [0, 1). */
export function toUnit(hash: number): number {
  return hash / uint32Range;
}

const byteHex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** `length` lowercase hex characters drawn from `hash` and its successors (8 per uint32). */
export function hexFromHash(hash: number, length: number): string {
  // NOTE: a byte table beats toString(16) + padStart by ~7x; this runs several times per resource.
  let text = '';
  let state = hash >>> 0;
  let left = length;
  while (left > 0) {
    for (let shift = 24; shift >= 0 && left > 0; shift -= 8) {
      const pair = byteHex[(state >>> shift) & 255]!;
      if (left >= 2) {
        text += pair;
        left -= 2;
      } else {
        text += pair[0];
        left -= 1;
      }
    }
    state = finalizeHash((state + 0x9e3779b9) >>> 0);
  }
  return text;
}
