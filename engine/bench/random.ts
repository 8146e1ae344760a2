// Deterministic randomness for the benchmark tenant. Two needs:
//  - a stream of numbers from one seed (mulberry32), for choices made in order;
//  - random access: the n-th resource must be rebuildable from (seed, n) alone, so the exemption
//    generator can look at resource n without the assessment writer keeping anything in memory.
//    mix32 turns (seed, n) into an independent seed for that resource's own stream.

/** mulberry32: a small 32-bit PRNG, uniform enough to spread statuses and types. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit avalanche of two numbers (murmur3's finaliser applied to their combination). */
export function mix32(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An integer in [0, n). */
export function pickIndex(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[pickIndex(random, items.length)]!;
}

/** Choose among weighted options; weights need not sum to 1. */
export function weighted<T>(random: () => number, options: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of options) total += w;
  let x = random() * total;
  for (const [v, w] of options) {
    x -= w;
    if (x < 0) return v;
  }
  return options[options.length - 1]![0];
}

/** A GUID-shaped lower-case hex string from the stream (not RFC 4122 random, just the shape). */
export function guid(random: () => number): string {
  const hex = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}
