// JSON (RFC 8259) parsing into values, and JSON / Rego-text serialisation.

import {
  T_NULL, T_BOOL, T_NUM, T_STR, T_ARR, T_OBJ, T_SET, N_REF,
  typeOf, boolOf, numKind, strLen, strPtr, arrLen, arrAt, collLen, keyAt, valAt,
  mkNull, mkBool, mkStr, mkStrBuf, mkArr, arrPush, mkColl,
} from "./value";
import { objPut, setAdd, ensureSorted } from "./collections";
import { alloc, isTop, extendTop } from "./mem";
import { scanNumber, numberFromText, formatNum } from "./numtext";

// ---------------------------------------------------------------------------------------------
// Parser. State lives in globals (no closures in AssemblyScript without the GC).

let pos: usize = 0;
let end: usize = 0;
let failed = false;
// Accept Rego set syntax ({1,2} and set()) in addition to JSON (opa_value_parse).
let regoSyntax = false;
let depth: u32 = 0;
// Deeper documents are rejected rather than risking a Wasm stack overflow in parse or dump.
const MAX_DEPTH: u32 = 4096;

/** Parses [p, p+len) as one JSON value; 0 when the text is not valid JSON. */
export function parseJSON(p: usize, len: u32): usize {
  return parseTop(p, len, false);
}

/** Parses JSON or Rego value text (sets as {a,b} and set()); 0 when invalid. */
export function parseValueText(p: usize, len: u32): usize {
  return parseTop(p, len, true);
}

function parseTop(p: usize, len: u32, rego: bool): usize {
  pos = p; end = p + len; failed = false; regoSyntax = rego; depth = 0;
  skipWs();
  const v = parseValue();
  if (failed || v == 0) return 0;
  skipWs();
  if (pos != end) return 0;
  return v;
}

// @ts-ignore: decorator
@inline function skipWs(): void {
  while (pos < end) {
    const c = load<u8>(pos);
    if (c == 32 || c == 10 || c == 13 || c == 9) pos++; else break;
  }
}

function lit(s: string): bool {
  const n = <usize>s.length;
  if (pos + n > end) return false;
  for (let i: usize = 0; i < n; i++) if (load<u8>(pos + i) != <u8>s.charCodeAt(<i32>i)) return false;
  pos += n;
  return true;
}

function fail(): usize { failed = true; return 0; }

function parseValue(): usize {
  if (pos >= end) return fail();
  const c = load<u8>(pos);
  switch (c) {
    case 123: return parseObject(); // {
    case 91: return parseArray(); // [
    case 34: return parseString(); // "
    case 116: return lit("true") ? mkBool(true) : fail();
    case 102: return lit("false") ? mkBool(false) : fail();
    case 110: return lit("null") ? mkNull() : fail();
    case 115: if (regoSyntax && lit("set()")) return mkColl(T_SET, 2); return fail();
    default: {
      const n = scanNumber(pos, <u32>(end - pos));
      if (n == 0) return fail();
      const v = numberFromText(pos, n);
      pos += n;
      return v;
    }
  }
}

function parseArray(): usize {
  if (++depth > MAX_DEPTH) return fail();
  pos++;
  const a = mkArr(4);
  skipWs();
  if (pos < end && load<u8>(pos) == 93) { pos++; depth--; return a; }
  while (true) {
    skipWs();
    const v = parseValue();
    if (v == 0) return fail();
    arrPush(a, v);
    skipWs();
    if (pos >= end) return fail();
    const c = load<u8>(pos++);
    if (c == 44) continue;
    if (c == 93) break;
    return fail();
  }
  depth--;
  return a;
}

function parseObject(): usize {
  if (++depth > MAX_DEPTH) return fail();
  pos++;
  skipWs();
  if (pos < end && load<u8>(pos) == 125) { pos++; depth--; return mkColl(T_OBJ, 2); }
  // First key decides object vs set (Rego syntax only).
  const k0 = regoSyntax ? parseValue() : (pos < end && load<u8>(pos) == 34 ? parseString() : fail());
  if (k0 == 0) return fail();
  skipWs();
  if (regoSyntax && pos < end && load<u8>(pos) != 58) {
    const s = mkColl(T_SET, 4);
    setAdd(s, k0);
    while (true) {
      skipWs();
      if (pos >= end) return fail();
      const c = load<u8>(pos++);
      if (c == 125) break;
      if (c != 44) return fail();
      skipWs();
      const v = parseValue();
      if (v == 0) return fail();
      setAdd(s, v);
    }
    depth--;
    return s;
  }
  const o = mkColl(T_OBJ, 4);
  let k = k0;
  while (true) {
    skipWs();
    if (pos >= end || load<u8>(pos) != 58) return fail();
    pos++;
    skipWs();
    const v = parseValue();
    if (v == 0) return fail();
    objPut(o, k, v); // duplicate keys: the last one wins, as in Go's encoding/json
    skipWs();
    if (pos >= end) return fail();
    const c = load<u8>(pos++);
    if (c == 125) break;
    if (c != 44) return fail();
    skipWs();
    k = regoSyntax ? parseValue() : (pos < end && load<u8>(pos) == 34 ? parseString() : fail());
    if (k == 0) return fail();
  }
  ensureSorted(o);
  depth--;
  return o;
}

function hexVal(c: u32): i32 {
  if (c - 48 < 10) return <i32>(c - 48);
  const l = c | 32;
  if (l - 97 < 6) return <i32>(l - 87);
  return -1;
}

function hex4(p: usize): i32 {
  if (p + 4 > end) return -1;
  let r: i32 = 0;
  for (let i: usize = 0; i < 4; i++) {
    const h = hexVal(load<u8>(p + i));
    if (h < 0) return -1;
    r = (r << 4) | h;
  }
  return r;
}

export function putUtf8(q: usize, cp: u32): usize {
  if (cp < 0x80) { store<u8>(q, <u8>cp); return q + 1; }
  if (cp < 0x800) {
    store<u8>(q, <u8>(0xc0 | (cp >> 6))); store<u8>(q + 1, <u8>(0x80 | (cp & 63))); return q + 2;
  }
  if (cp < 0x10000) {
    store<u8>(q, <u8>(0xe0 | (cp >> 12))); store<u8>(q + 1, <u8>(0x80 | ((cp >> 6) & 63)));
    store<u8>(q + 2, <u8>(0x80 | (cp & 63))); return q + 3;
  }
  store<u8>(q, <u8>(0xf0 | (cp >> 18))); store<u8>(q + 1, <u8>(0x80 | ((cp >> 12) & 63)));
  store<u8>(q + 2, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(q + 3, <u8>(0x80 | (cp & 63)));
  return q + 4;
}

function parseString(): usize {
  pos++;
  const start = pos;
  let escaped = false;
  while (true) {
    if (pos >= end) return fail();
    const c = load<u8>(pos);
    if (c == 34) break;
    if (c < 0x20) return fail();
    if (c == 92) { escaped = true; pos += 2; continue; }
    pos++;
  }
  if (pos > end) return fail();
  const rawLen = <u32>(pos - start);
  pos++;
  // No escapes: reference the source bytes. They live below the value in the same heap region
  // (the SDK writes JSON with opa_malloc, then parses), so they live exactly as long.
  if (!escaped) return mkStr(start, rawLen);
  // Decoded text is never longer than the escaped text.
  const buf = alloc(rawLen);
  let q = buf;
  let p = start;
  const stop = start + rawLen;
  while (p < stop) {
    const c = load<u8>(p);
    if (c != 92) { store<u8>(q++, c); p++; continue; }
    const e = load<u8>(p + 1);
    p += 2;
    switch (e) {
      case 34: store<u8>(q++, 34); break;
      case 92: store<u8>(q++, 92); break;
      case 47: store<u8>(q++, 47); break;
      case 98: store<u8>(q++, 8); break;
      case 102: store<u8>(q++, 12); break;
      case 110: store<u8>(q++, 10); break;
      case 114: store<u8>(q++, 13); break;
      case 116: store<u8>(q++, 9); break;
      case 117: {
        let cp = hex4(p);
        if (cp < 0 || p + 4 > stop) return fail();
        p += 4;
        if (cp >= 0xd800 && cp < 0xdc00) {
          // High surrogate: combine with a following \uDC00-\uDFFF, else U+FFFD like Go.
          const lo = p + 6 <= stop && load<u8>(p) == 92 && load<u8>(p + 1) == 117 ? hex4(p + 2) : -1;
          if (lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            p += 6;
          } else cp = 0xfffd;
        } else if (cp >= 0xdc00 && cp < 0xe000) cp = 0xfffd;
        q = putUtf8(q, <u32>cp);
        break;
      }
      default: return fail();
    }
  }
  return mkStr(buf, <u32>(q - buf));
}

// ---------------------------------------------------------------------------------------------
// Writer: a byte buffer that grows in place while it is the newest allocation.

let wbuf: usize = 0;
let wlen: u32 = 0;
let wcap: u32 = 0;

function wbegin(): void {
  wcap = 256;
  wbuf = alloc(wcap);
  wlen = 0;
}

function wreserve(n: u32): void {
  if (wlen + n <= wcap) return;
  let ncap = wcap << 1;
  while (ncap < wlen + n) ncap <<= 1;
  if (isTop(wbuf, wcap)) {
    extendTop(ncap - wcap);
  } else {
    const nb = alloc(ncap);
    memory.copy(nb, wbuf, wlen);
    wbuf = nb;
  }
  wcap = ncap;
}

// @ts-ignore: decorator
@inline function wbyte(c: u8): void {
  if (wlen == wcap) wreserve(1);
  store<u8>(wbuf + wlen, c);
  wlen++;
}

function wbytes(p: usize, n: u32): void {
  wreserve(n);
  memory.copy(wbuf + wlen, p, n);
  wlen += n;
}

function wlit(s: string): void {
  const n = s.length;
  wreserve(<u32>n);
  for (let i = 0; i < n; i++) store<u8>(wbuf + wlen + <u32>i, <u8>s.charCodeAt(i));
  wlen += <u32>n;
}

const HEX = memory.data<u8>([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

function wstring(p: usize, n: u32): void {
  wbyte(34);
  let run = p;
  const stop = p + n;
  for (let s = p; s < stop; s++) {
    const c = load<u8>(s);
    if (c >= 0x20 && c != 34 && c != 92) continue;
    if (s > run) wbytes(run, <u32>(s - run));
    run = s + 1;
    wreserve(6);
    store<u8>(wbuf + wlen, 92);
    switch (c) {
      case 34: store<u8>(wbuf + wlen + 1, 34); wlen += 2; break;
      case 92: store<u8>(wbuf + wlen + 1, 92); wlen += 2; break;
      case 10: store<u8>(wbuf + wlen + 1, 110); wlen += 2; break;
      case 13: store<u8>(wbuf + wlen + 1, 114); wlen += 2; break;
      case 9: store<u8>(wbuf + wlen + 1, 116); wlen += 2; break;
      default: {
        store<u8>(wbuf + wlen + 1, 117);
        store<u8>(wbuf + wlen + 2, 48);
        store<u8>(wbuf + wlen + 3, 48);
        store<u8>(wbuf + wlen + 4, load<u8>(HEX + (c >> 4)));
        store<u8>(wbuf + wlen + 5, load<u8>(HEX + (c & 15)));
        wlen += 6;
      }
    }
  }
  if (stop > run) wbytes(run, <u32>(stop - run));
  wbyte(34);
}

function wvalue(v: usize, rego: bool): void {
  switch (typeOf(v)) {
    case T_NULL: wlit("null"); return;
    case T_BOOL: if (boolOf(v)) wlit("true"); else wlit("false"); return;
    case T_NUM: {
      if (numKind(v) == N_REF) { wbytes(load<u32>(v, 16), load<u32>(v, 4)); return; }
      wreserve(400);
      wlen += formatNum(wbuf + wlen, v);
      return;
    }
    case T_STR: wstring(strPtr(v), strLen(v)); return;
    case T_ARR: {
      wbyte(91);
      const n = arrLen(v);
      for (let i: u32 = 0; i < n; i++) {
        if (i > 0) wbyte(44);
        wvalue(arrAt(v, i), rego);
      }
      wbyte(93);
      return;
    }
    case T_OBJ: {
      ensureSorted(v);
      wbyte(123);
      const n = collLen(v);
      for (let i: u32 = 0; i < n; i++) {
        if (i > 0) wbyte(44);
        const k = keyAt(v, i);
        if (rego || typeOf(k) == T_STR) wvalue(k, rego);
        else {
          // JSON object keys must be strings: write the key's own text as a string.
          const save = wlen;
          wvalue(k, false);
          const klen = wlen - save;
          const tmp = alloc(klen);
          memory.copy(tmp, wbuf + save, klen);
          wlen = save;
          wstring(tmp, klen);
        }
        wbyte(58);
        wvalue(valAt(v, i), rego);
      }
      wbyte(125);
      return;
    }
    default: { // T_SET
      ensureSorted(v);
      const n = collLen(v);
      if (rego && n == 0) { wlit("set()"); return; }
      wbyte(rego ? 123 : 91);
      for (let i: u32 = 0; i < n; i++) {
        if (i > 0) wbyte(44);
        wvalue(keyAt(v, i), rego);
      }
      wbyte(rego ? 125 : 93);
    }
  }
}

/** Byte length (without the NUL) of the text the last dumpJSON/dumpValue returned. */
export let dumpLen: u32 = 0;

/** NUL-terminated JSON text of v (sets as arrays); "null" for undefined. */
export function dumpJSON(v: usize): usize {
  wbegin();
  if (v == 0) wlit("null"); else wvalue(v, false);
  dumpLen = wlen;
  wbyte(0);
  return wbuf;
}

/** NUL-terminated Rego text of v (sets as {a,b} and set()). */
export function dumpValue(v: usize): usize {
  wbegin();
  if (v == 0) wlit("undefined"); else wvalue(v, true);
  dumpLen = wlen;
  wbyte(0);
  return wbuf;
}
