/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Not cryptographic; it only has to make ids, tokens and
 * fault draws repeatable for a given seed.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

export function randomString(random: Random, length: number, alphabet: string = LOWER_ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(Math.floor(random() * alphabet.length));
  return out;
}

/** A version-4-shaped UUID drawn from `random` (request ids look like the service's). */
export function randomUuid(random: Random): string {
  const hex = randomString(random, 32, HEX).split('');
  hex[12] = '4';
  hex[16] = HEX.charAt(8 + Math.floor(random() * 4));
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Independent streams derived from one seed, so that (for example) an extra request, which draws a
 * request id, does not change the tokens or the fault draws that follow.
 */
export interface RandomStreams {
  ids: Random;
  requestIds: Random;
  faults: Random;
}

export function createRandomStreams(seed: number): RandomStreams {
  return {
    ids: mulberry32(seed),
    requestIds: mulberry32(seed ^ 0x9e3779b9),
    faults: mulberry32(seed ^ 0x85ebca6b),
  };
}
