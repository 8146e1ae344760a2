// Objects and sets: value-keyed hash lookup, insertion, in-place ordering, and arrays' sort.

import {
  T_OBJ, T_SET, FLAG_DIRTY, ENTRY, INDEX_MIN, mkColl, collLen, entryAt, keyAt,
} from "./value";
import { alloc, freeTop } from "./mem";
import { compare, equal, hash } from "./compare";

/** Entry number of key in object/set c, or -1. */
export function collFind(c: usize, key: usize): i32 {
  if (collLen(c) == 0) return -1;
  return collFindH(c, key, hash(key));
}

function collFindH(c: usize, key: usize, h: u32): i32 {
  const ents = <usize>load<u32>(c, 12);
  const idx = <usize>load<u32>(c, 16);
  if (idx == 0) {
    const n = collLen(c);
    for (let i: u32 = 0; i < n; i++) {
      const e = ents + <usize>i * ENTRY;
      if (load<u32>(e, 8) == h && equal(load<u32>(e), key)) return <i32>i;
    }
    return -1;
  }
  const mask = load<u32>(c, 20);
  let s = h & mask;
  while (true) {
    const slot = load<u32>(idx + (<usize>s << 2));
    if (slot == 0) return -1;
    const e = ents + <usize>(slot - 1) * ENTRY;
    if (load<u32>(e, 8) == h && equal(load<u32>(e), key)) return <i32>(slot - 1);
    s = (s + 1) & mask;
  }
}

function indexPut(idx: usize, mask: u32, h: u32, entryNo: u32): void {
  let s = h & mask;
  while (load<u32>(idx + (<usize>s << 2)) != 0) s = (s + 1) & mask;
  store<u32>(idx + (<usize>s << 2), entryNo + 1);
}

/** (Re)builds the hash index with at least `slots` slots (power of two). */
function buildIndex(c: usize, slots: u32): void {
  let idx = <usize>load<u32>(c, 16);
  if (idx == 0 || load<u32>(c, 20) + 1 != slots) {
    idx = alloc(<usize>slots << 2);
    store<u32>(c, idx, 16);
    store<u32>(c, slots - 1, 20);
  }
  memory.fill(idx, 0, <usize>slots << 2);
  const n = collLen(c);
  const mask = slots - 1;
  for (let i: u32 = 0; i < n; i++) indexPut(idx, mask, load<u32>(entryAt(c, i), 8), i);
}

function indexSlotsFor(n: u32): u32 {
  let s: u32 = 32;
  while (s < n * 2) s <<= 1;
  return s;
}

/** Appends an entry known to be absent. */
function collAppend(c: usize, key: usize, val: usize, h: u32): void {
  const n = collLen(c);
  let cap = load<u32>(c, 8);
  if (n == cap) {
    const ncap = cap << 1;
    const ne = alloc(<usize>ncap * ENTRY);
    memory.copy(ne, load<u32>(c, 12), <usize>n * ENTRY);
    store<u32>(c, ne, 12);
    store<u32>(c, ncap, 8);
  }
  if (n > 0 && (load<u8>(c, 1) & FLAG_DIRTY) == 0 && compare(keyAt(c, n - 1), key) > 0) {
    store<u8>(c, load<u8>(c, 1) | FLAG_DIRTY, 1);
  }
  const e = entryAt(c, n);
  store<u32>(e, key);
  store<u32>(e, val, 4);
  store<u32>(e, h, 8);
  store<u32>(c, n + 1, 4);
  const idx = load<u32>(c, 16);
  if (idx != 0) {
    const slots = load<u32>(c, 20) + 1;
    if ((n + 1) * 2 > slots) buildIndex(c, slots << 1);
    else indexPut(idx, slots - 1, h, n);
  } else if (n + 1 > INDEX_MIN) {
    buildIndex(c, indexSlotsFor(n + 1));
  }
}

/** Object insert; replaces the value of an existing key. */
export function objPut(o: usize, key: usize, val: usize): void {
  const h = hash(key);
  const i = collLen(o) == 0 ? -1 : collFindH(o, key, h);
  if (i >= 0) { store<u32>(entryAt(o, <u32>i), val, 4); return; }
  collAppend(o, key, val, h);
}

/** Object insert that reports a conflict: 0 inserted or same value present, 1 different value. */
export function objPutOnce(o: usize, key: usize, val: usize): i32 {
  const h = hash(key);
  const i = collLen(o) == 0 ? -1 : collFindH(o, key, h);
  if (i >= 0) return equal(load<u32>(entryAt(o, <u32>i), 4), val) ? 0 : 1;
  collAppend(o, key, val, h);
  return 0;
}

export function setAdd(s: usize, key: usize): void {
  const h = hash(key);
  if (collLen(s) != 0 && collFindH(s, key, h) >= 0) return;
  collAppend(s, key, 0, h);
}

/** Object value of key, or 0. */
export function objGet(o: usize, key: usize): usize {
  const i = collFind(o, key);
  return i < 0 ? 0 : load<u32>(entryAt(o, <u32>i), 4);
}

export function setHas(s: usize, key: usize): bool {
  return collFind(s, key) >= 0;
}

/** Puts entries in OPA's key order. In place: no allocation outlives the call. */
export function ensureSorted(c: usize): void {
  if ((load<u8>(c, 1) & FLAG_DIRTY) == 0) return;
  const n = collLen(c);
  sortRecords(load<u32>(c, 12), n, ENTRY);
  if (load<u32>(c, 16) != 0) buildIndex(c, load<u32>(c, 20) + 1);
  store<u8>(c, load<u8>(c, 1) & ~FLAG_DIRTY, 1);
}

// @ts-ignore: decorator
@inline function recCmp(a: usize, b: usize): i32 { return compare(load<u32>(a), load<u32>(b)); }

/** Copies one record of 12 or 4 bytes. */
// @ts-ignore: decorator
@inline function recCopy(dst: usize, src: usize, stride: usize): void {
  if (stride == 12) {
    store<u64>(dst, load<u64>(src));
    store<u32>(dst, load<u32>(src, 8), 8);
  } else store<u32>(dst, load<u32>(src));
}

/**
 * Stable sort of n records of `stride` bytes (4 or 12), ordered by the value pointer in each
 * record's first word: insertion sort on runs of 16, then bottom-up merges through one temporary
 * heap buffer. Re-entrant (comparing values may sort nested values).
 */
export function sortRecords(base: usize, n: u32, stride: usize): void {
  if (n < 2) return;
  // Already ordered input is common (parsed JSON, ordered builds): one linear check.
  let sorted = true;
  for (let i: u32 = 1; i < n; i++) {
    if (recCmp(base + <usize>(i - 1) * stride, base + <usize>i * stride) > 0) { sorted = false; break; }
  }
  if (sorted) return;
  const RUN: u32 = 16;
  for (let lo: u32 = 0; lo < n; lo += RUN) {
    const hi = lo + RUN < n ? lo + RUN : n;
    for (let i = lo + 1; i < hi; i++) {
      // The record being inserted is held in locals, not static memory: compare() may sort
      // nested values, which re-enters this function.
      const at = base + <usize>i * stride;
      const r0 = load<u32>(at);
      const r1 = stride == 12 ? load<u32>(at, 4) : 0;
      const r2 = stride == 12 ? load<u32>(at, 8) : 0;
      let j = i;
      while (j > lo && compare(load<u32>(base + <usize>(j - 1) * stride), r0) > 0) {
        recCopy(base + <usize>j * stride, base + <usize>(j - 1) * stride, stride);
        j--;
      }
      const to = base + <usize>j * stride;
      store<u32>(to, r0);
      if (stride == 12) { store<u32>(to, r1, 4); store<u32>(to, r2, 8); }
    }
  }
  if (n <= RUN) return;
  const bytes = <usize>n * stride;
  const tmp = alloc(bytes);
  let src = base, dst = tmp;
  for (let w: u32 = RUN; w < n; w <<= 1) {
    for (let lo: u32 = 0; lo < n; lo += w << 1) {
      const mid = lo + w < n ? lo + w : n;
      const hi = lo + (w << 1) < n ? lo + (w << 1) : n;
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (recCmp(src + <usize>j * stride, src + <usize>i * stride) < 0) {
          recCopy(dst + <usize>k * stride, src + <usize>j * stride, stride); j++;
        } else {
          recCopy(dst + <usize>k * stride, src + <usize>i * stride, stride); i++;
        }
        k++;
      }
      if (i < mid) memory.copy(dst + <usize>k * stride, src + <usize>i * stride, <usize>(mid - i) * stride);
      else if (j < hi) memory.copy(dst + <usize>k * stride, src + <usize>j * stride, <usize>(hi - j) * stride);
    }
    const t = src; src = dst; dst = t;
  }
  if (src != base) memory.copy(base, src, bytes);
  freeTop(tmp, bytes);
}

/** Shallow copy of an object or set (entries copied, values shared). */
export function collCopy(c: usize): usize {
  const n = collLen(c);
  const r = mkColl(load<u8>(c), n + 1);
  memory.copy(load<u32>(r, 12), load<u32>(c, 12), <usize>n * ENTRY);
  store<u32>(r, n, 4);
  store<u8>(r, load<u8>(c, 1), 1);
  if (n > INDEX_MIN) buildIndex(r, indexSlotsFor(n + 1));
  return r;
}

export function isColl(v: usize): bool {
  if (v == 0) return false;
  const t = load<u8>(v);
  return t == T_OBJ || t == T_SET;
}
