// UTF-8 helpers: OPA counts and indexes strings by code point.

/** Number of code points in [p, p+n) (continuation bytes are not counted). */
export function utf8Count(p: usize, n: u32): u32 {
  let c: u32 = 0;
  for (let i: u32 = 0; i < n; i++) if ((load<u8>(p + i) & 0xc0) != 0x80) c++;
  return c;
}

/** Byte length of the sequence starting with lead byte b. */
// @ts-ignore: decorator
@inline export function seqLen(b: u32): u32 {
  return b < 0x80 ? 1 : (b < 0xe0 ? 2 : (b < 0xf0 ? 3 : 4));
}

/** Code point at p (assumed valid); its byte length is left in decLen. */
export let decLen: u32 = 1;
export function decode(p: usize, avail: u32): u32 {
  const b = <u32>load<u8>(p);
  if (b < 0x80 || avail < 2) { decLen = 1; return b; }
  if (b < 0xe0) { decLen = 2; return ((b & 0x1f) << 6) | (load<u8>(p + 1) & 0x3f); }
  if (b < 0xf0 || avail < 4) {
    if (avail < 3) { decLen = 1; return 0xfffd; }
    decLen = 3;
    return ((b & 0x0f) << 12) | ((<u32>load<u8>(p + 1) & 0x3f) << 6) | (load<u8>(p + 2) & 0x3f);
  }
  decLen = 4;
  return ((b & 0x07) << 18) | ((<u32>load<u8>(p + 1) & 0x3f) << 12) | ((<u32>load<u8>(p + 2) & 0x3f) << 6) | (load<u8>(p + 3) & 0x3f);
}

/** Byte offset of the code point number `cp` in [p, p+n), or n when past the end. */
export function byteOffsetOf(p: usize, n: u32, cp: u32): u32 {
  let i: u32 = 0;
  let k: u32 = 0;
  while (i < n && k < cp) { i += seqLen(load<u8>(p + i)); k++; }
  return i < n ? i : n;
}
