// String built-ins. Strings are UTF-8; positions and lengths are in code points as in OPA.

import {
  T_STR, T_NUM, T_NULL, T_BOOL, T_ARR, T_SET, T_OBJ, typeOf, strLen, strPtr, mkStr, mkStrBuf, mkStrLit,
  mkInt, mkBool, mkArr, arrPush, arrLen, arrAt, numAsInt, gotInt, numF64, boolOf, collLen, keyAt, valAt,
  numKind, N_INT,
} from "../value";
import { ensureSorted } from "../collections";
import { alloc } from "../mem";
import { utf8Count, seqLen, decode, decLen, byteOffsetOf } from "../utf8";
import { putUtf8 } from "../json";
import { scanNumber, numberFromText, formatI64 } from "../numtext";
import { isStr, isNum, isArr, isSet, isArrOrSet, elemCount, elemAt, typeNameOf } from "./util";
import { msgBegin, msgAdd, msgAbort, strictErrors } from "../mem";

function replaceNErr(what: string): usize {
  if (!strictErrors) return 0;
  msgBegin();
  msgAdd("eval_type_error: strings.replace_n: operand 1 non-string "); msgAdd(what); msgAdd(" found in pattern object");
  msgAbort();
  return 0;
}
import { needNum, needStr, needArr, needObj, needSet, needArrOrSet, typeErr, elemTypeErr, builtinErr } from "./util";

/** Byte offset of needle in hay at or after `from`, or -1. */
function find(h: usize, hn: u32, n: usize, nn: u32, from: u32): i32 {
  if (nn == 0) return from <= hn ? <i32>from : -1;
  if (nn > hn) return -1;
  const first = load<u8>(n);
  const last = hn - nn;
  for (let i = from; i <= last; i++) {
    if (load<u8>(h + i) == first && memory.compare(h + i, n, nn) == 0) return <i32>i;
  }
  return -1;
}

function startsWith(h: usize, hn: u32, n: usize, nn: u32): bool {
  return nn <= hn && memory.compare(h, n, nn) == 0;
}
function endsWith(h: usize, hn: u32, n: usize, nn: u32): bool {
  return nn <= hn && memory.compare(h + hn - nn, n, nn) == 0;
}

export function builtin_concat(delim: usize, c: usize): usize {
  if (!needStr("concat", 1, delim) || !needArrOrSet("concat", 2, c)) return 0;
  const n = elemCount(c);
  const dl = strLen(delim);
  let total: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const e = elemAt(c, i);
    if (!isStr(e)) return elemTypeErr("concat", 2, typeNameOf(c), "strings", e);
    total += strLen(e) + (i > 0 ? dl : 0);
  }
  const r = mkStrBuf(total);
  let q = strPtr(r);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) { memory.copy(q, strPtr(delim), dl); q += dl; }
    const e = elemAt(c, i);
    memory.copy(q, strPtr(e), strLen(e));
    q += strLen(e);
  }
  return r;
}

export function builtin_contains(s: usize, sub: usize): usize {
  if (!needStr("contains", 1, s) || !needStr("contains", 2, sub)) return 0;
  return mkBool(find(strPtr(s), strLen(s), strPtr(sub), strLen(sub), 0) >= 0);
}

export function builtin_startswith(s: usize, p: usize): usize {
  if (!needStr("startswith", 1, s) || !needStr("startswith", 2, p)) return 0;
  return mkBool(startsWith(strPtr(s), strLen(s), strPtr(p), strLen(p)));
}

export function builtin_endswith(s: usize, p: usize): usize {
  if (!needStr("endswith", 1, s) || !needStr("endswith", 2, p)) return 0;
  return mkBool(endsWith(strPtr(s), strLen(s), strPtr(p), strLen(p)));
}

/** Simple case mapping: ASCII, Latin-1, Greek and Cyrillic basic letters. */
function caseMap(cp: u32, upper: bool): u32 {
  if (upper) {
    if (cp >= 97 && cp <= 122) return cp - 32;
    if (cp < 0x80) return cp;
    if ((cp >= 0xe0 && cp <= 0xfe && cp != 0xf7)) return cp - 32;
    if (cp >= 0x3b1 && cp <= 0x3c9 && cp != 0x3c2) return cp - 32;
    if (cp >= 0x430 && cp <= 0x44f) return cp - 32;
    if (cp >= 0x450 && cp <= 0x45f) return cp - 80;
    return cp;
  }
  if (cp >= 65 && cp <= 90) return cp + 32;
  if (cp < 0x80) return cp;
  if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7) return cp + 32;
  if (cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42f) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40f) return cp + 80;
  return cp;
}

function mapCase(name: string, s: usize, upper: bool): usize {
  if (!needStr(name, 1, s)) return 0;
  const p = strPtr(s), n = strLen(s);
  const buf = alloc(n);
  let q = buf;
  let i: u32 = 0;
  while (i < n) {
    const b = <u32>load<u8>(p + i);
    if (b < 0x80) { store<u8>(q++, <u8>caseMap(b, upper)); i++; continue; }
    const cp = decode(p + i, n - i);
    const l = decLen;
    const m = caseMap(cp, upper);
    // Mapped letters above stay within the same UTF-8 length.
    if (m == cp) { memory.copy(q, p + i, l); q += l; } else q = putUtf8(q, m);
    i += l;
  }
  return mkStr(buf, <u32>(q - buf));
}

export function builtin_lower(s: usize): usize { return mapCase("lower", s, false); }
export function builtin_upper(s: usize): usize { return mapCase("upper", s, true); }

export function builtin_indexof(s: usize, sub: usize): usize {
  if (!needStr("indexof", 1, s) || !needStr("indexof", 2, sub)) return 0;
  const i = find(strPtr(s), strLen(s), strPtr(sub), strLen(sub), 0);
  return mkInt(i < 0 ? -1 : <i64>utf8Count(strPtr(s), <u32>i));
}

export function builtin_indexof_n(s: usize, sub: usize): usize {
  if (!needStr("indexof_n", 1, s) || !needStr("indexof_n", 2, sub)) return 0;
  const r = mkArr(4);
  const p = strPtr(s), n = strLen(s);
  // Like OPA: search from every position before the end (an empty needle matches at each rune).
  let from: u32 = 0;
  while (from < n) {
    const i = find(p, n, strPtr(sub), strLen(sub), from);
    if (i < 0) break;
    arrPush(r, mkInt(<i64>utf8Count(p, <u32>i)));
    from = <u32>i + (i < <i32>n ? seqLen(load<u8>(p + i)) : 1);
  }
  return r;
}

export function builtin_split(s: usize, d: usize): usize {
  if (!needStr("split", 1, s) || !needStr("split", 2, d)) return 0;
  const p = strPtr(s), n = strLen(s), dp = strPtr(d), dn = strLen(d);
  const r = mkArr(4);
  if (dn == 0) {
    // Go's strings.Split with an empty separator: one element per UTF-8 sequence.
    let i: u32 = 0;
    while (i < n) { const l = seqLen(load<u8>(p + i)); arrPush(r, mkStr(p + i, l < n - i ? l : n - i)); i += l; }
    return r;
  }
  let from: u32 = 0;
  while (true) {
    const i = find(p, n, dp, dn, from);
    if (i < 0) break;
    arrPush(r, mkStr(p + from, <u32>i - from));
    from = <u32>i + dn;
  }
  arrPush(r, mkStr(p + from, n - from));
  return r;
}

export function builtin_replace(s: usize, old: usize, nw: usize): usize {
  if (!needStr("replace", 1, s) || !needStr("replace", 2, old) || !needStr("replace", 3, nw)) return 0;
  const p = strPtr(s), n = strLen(s), op = strPtr(old), on = strLen(old), np = strPtr(nw), nn = strLen(nw);
  // Worst case: empty `old` inserts `new` at every one of the n+1 boundaries.
  const cap = on == 0 ? n + (n + 1) * nn : (nn > on ? n + (n / on + 1) * (nn - on) : n);
  const buf = alloc(cap);
  let q = buf;
  if (on == 0) {
    let i: u32 = 0;
    memory.copy(q, np, nn); q += nn;
    while (i < n) {
      const l = seqLen(load<u8>(p + i));
      memory.copy(q, p + i, l); q += l; i += l;
      memory.copy(q, np, nn); q += nn;
    }
    return mkStr(buf, <u32>(q - buf));
  }
  let from: u32 = 0;
  while (true) {
    const i = find(p, n, op, on, from);
    if (i < 0) break;
    memory.copy(q, p + from, <u32>i - from); q += <u32>i - from;
    memory.copy(q, np, nn); q += nn;
    from = <u32>i + on;
  }
  memory.copy(q, p + from, n - from); q += n - from;
  return mkStr(buf, <u32>(q - buf));
}

export function builtin_strings_replace_n(patterns: usize, s: usize): usize {
  if (!needObj("strings.replace_n", 1, patterns) || !needStr("strings.replace_n", 2, s)) return 0;
  ensureSorted(patterns);
  const k = collLen(patterns);
  for (let j: u32 = 0; j < k; j++) {
    if (!isStr(keyAt(patterns, j))) return replaceNErr("key");
    if (!isStr(valAt(patterns, j))) return replaceNErr("value");
  }
  const p = strPtr(s), n = strLen(s);
  // First pass sizes the output, second writes it (Go's Replacer: leftmost match, first pattern
  // in key order wins at a position, no overlaps).
  let size: u32 = 0;
  for (let pass = 0; pass < 2; pass++) {
    const buf = pass == 1 ? alloc(size) : 0;
    let q = buf;
    let i: u32 = 0;
    while (i < n) {
      let hit = -1;
      for (let j: u32 = 0; j < k; j++) {
        const o = keyAt(patterns, j);
        const ol = strLen(o);
        if (ol > 0 && startsWith(p + i, n - i, strPtr(o), ol)) { hit = <i32>j; break; }
      }
      if (hit < 0) {
        if (pass == 1) store<u8>(q, load<u8>(p + i));
        q++; i++;
        continue;
      }
      const nv = valAt(patterns, <u32>hit);
      if (pass == 1) memory.copy(q, strPtr(nv), strLen(nv));
      q += strLen(nv);
      i += strLen(keyAt(patterns, <u32>hit));
    }
    if (pass == 0) size = <u32>q;
    else return mkStr(buf, size);
  }
  return 0;
}

export function builtin_substring(s: usize, start: usize, len: usize): usize {
  if (!needStr("substring", 1, s) || !needNum("substring", 2, start) || !needNum("substring", 3, len)) return 0;
  if (!numAsInt(start)) return 0;
  const st = gotInt;
  if (!numAsInt(len)) return 0;
  const ln = gotInt;
  if (st < 0) return builtinErr("substring", "negative offset");
  const p = strPtr(s), n = strLen(s);
  const b0 = byteOffsetOf(p, n, st > 0x7fffffff ? 0x7fffffff : <u32>st);
  if (b0 >= n) return mkStr(p, 0);
  let b1 = n;
  if (ln >= 0) b1 = b0 + byteOffsetOf(p + b0, n - b0, ln > 0x7fffffff ? 0x7fffffff : <u32>ln);
  return mkStr(p + b0, b1 - b0);
}

/** Whether code point cp occurs in the cutset string [c, c+cn). */
function inCutset(cp: u32, c: usize, cn: u32): bool {
  let i: u32 = 0;
  while (i < cn) {
    const x = decode(c + i, cn - i);
    if (x == cp) return true;
    i += decLen;
  }
  return false;
}

/** Byte length of the code point that ends at byte offset `end` (exclusive). */
function lastSeqStart(p: usize, end: u32): u32 {
  let i = end - 1;
  while (i > 0 && (load<u8>(p + i) & 0xc0) == 0x80) i--;
  return i;
}

function trimCut(name: string, s: usize, cut: usize, left: bool, right: bool): usize {
  if (!needStr(name, 1, s) || !needStr(name, 2, cut)) return 0;
  const p = strPtr(s), c = strPtr(cut), cn = strLen(cut);
  let a: u32 = 0, b = strLen(s);
  if (left) while (a < b) { const cp = decode(p + a, b - a); if (!inCutset(cp, c, cn)) break; a += decLen; }
  if (right) while (b > a) {
    const st = lastSeqStart(p, b);
    const cp = decode(p + st, b - st);
    if (!inCutset(cp, c, cn)) break;
    b = st;
  }
  return mkStr(p + a, b - a);
}

export function builtin_trim(s: usize, c: usize): usize { return trimCut("trim", s, c, true, true); }
export function builtin_trim_left(s: usize, c: usize): usize { return trimCut("trim_left", s, c, true, false); }
export function builtin_trim_right(s: usize, c: usize): usize { return trimCut("trim_right", s, c, false, true); }

export function builtin_trim_prefix(s: usize, pre: usize): usize {
  if (!needStr("trim_prefix", 1, s) || !needStr("trim_prefix", 2, pre)) return 0;
  const p = strPtr(s), n = strLen(s), m = strLen(pre);
  return startsWith(p, n, strPtr(pre), m) ? mkStr(p + m, n - m) : s;
}

export function builtin_trim_suffix(s: usize, suf: usize): usize {
  if (!needStr("trim_suffix", 1, s) || !needStr("trim_suffix", 2, suf)) return 0;
  const p = strPtr(s), n = strLen(s), m = strLen(suf);
  return endsWith(p, n, strPtr(suf), m) ? mkStr(p, n - m) : s;
}

/** Go's unicode.IsSpace. */
function isSpace(cp: u32): bool {
  if (cp <= 0xff) return cp == 32 || (cp >= 9 && cp <= 13) || cp == 0x85 || cp == 0xa0;
  return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
    cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

export function builtin_trim_space(s: usize): usize {
  if (!needStr("trim_space", 1, s)) return 0;
  const p = strPtr(s);
  let a: u32 = 0, b = strLen(s);
  while (a < b) { const cp = decode(p + a, b - a); if (!isSpace(cp)) break; a += decLen; }
  while (b > a) {
    const st = lastSeqStart(p, b);
    if (!isSpace(decode(p + st, b - st))) break;
    b = st;
  }
  return mkStr(p + a, b - a);
}

export function builtin_strings_reverse(s: usize): usize {
  if (!needStr("strings.reverse", 1, s)) return 0;
  const p = strPtr(s), n = strLen(s);
  const r = mkStrBuf(n);
  const q = strPtr(r);
  let i: u32 = 0;
  while (i < n) {
    let l = seqLen(load<u8>(p + i));
    if (l > n - i) l = n - i;
    memory.copy(q + n - i - l, p + i, l);
    i += l;
  }
  return r;
}

/** Strings of a string | array | set operand; 0 when an element is not a string. */
function stringsOf(name: string, operand: u32, x: usize): usize {
  if (isStr(x)) { const a = mkArr(1); arrPush(a, x); return a; }
  if (!isArrOrSet(x)) return typeErr(name, operand, "one of {string, set, array}", x);
  const n = elemCount(x);
  const a = mkArr(n);
  for (let i: u32 = 0; i < n; i++) {
    const e = elemAt(x, i);
    if (!isStr(e)) return elemTypeErr(name, operand, typeNameOf(x), "strings", e);
    arrPush(a, e);
  }
  return a;
}

function anyMatch(name: string, search: usize, base: usize, prefix: bool): usize {
  const ss = stringsOf(name, 1, search);
  const bs = stringsOf(name, 2, base);
  if (ss == 0 || bs == 0) return 0;
  const n = arrLen(ss), m = arrLen(bs);
  for (let i: u32 = 0; i < n; i++) {
    const s = arrAt(ss, i);
    for (let j: u32 = 0; j < m; j++) {
      const b = arrAt(bs, j);
      const hit = prefix ? startsWith(strPtr(s), strLen(s), strPtr(b), strLen(b))
        : endsWith(strPtr(s), strLen(s), strPtr(b), strLen(b));
      if (hit) return mkBool(true);
    }
  }
  return mkBool(false);
}

export function builtin_strings_any_prefix_match(s: usize, b: usize): usize { return anyMatch("strings.any_prefix_match", s, b, true); }
export function builtin_strings_any_suffix_match(s: usize, b: usize): usize { return anyMatch("strings.any_suffix_match", s, b, false); }

export function builtin_strings_count(s: usize, sub: usize): usize {
  if (!needStr("strings.count", 1, s) || !needStr("strings.count", 2, sub)) return 0;
  const p = strPtr(s), n = strLen(s), sn = strLen(sub);
  if (sn == 0) return mkInt(<i64>utf8Count(p, n) + 1);
  let c: i64 = 0;
  let from: u32 = 0;
  while (true) {
    const i = find(p, n, strPtr(sub), sn, from);
    if (i < 0) break;
    c++;
    from = <u32>i + sn;
  }
  return mkInt(c);
}

const FMT_BUF = memory.data(72);
const HEXDIGITS = memory.data<u8>([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

export function builtin_format_int(x: usize, base: usize): usize {
  if (!needNum("format_int", 1, x) || !needNum("format_int", 2, base) || !numAsInt(base)) return 0;
  const b = gotInt;
  if (b != 2 && b != 8 && b != 10 && b != 16) return builtinErr("format_int", "operand 2 must be one of {2, 8, 10, 16}");
  // Truncate toward zero, like big.Float.Int.
  const f = numF64(x);
  const v: i64 = numKind(x) == N_INT ? load<i64>(x, 8) : <i64>(f < 0 ? Math.ceil(f) : Math.floor(f));
  let u: u64 = v < 0 ? <u64>(-v) : <u64>v;
  let k: u32 = 0;
  do { store<u8>(FMT_BUF + 71 - k, load<u8>(HEXDIGITS + <usize>(u % <u64>b))); u /= <u64>b; k++; } while (u != 0);
  if (v < 0) { k++; store<u8>(FMT_BUF + 72 - k, 45); }
  const r = mkStrBuf(k);
  memory.copy(strPtr(r), FMT_BUF + 72 - k, k);
  return r;
}

/** "nan", "inf", "infinity" in any case, with an optional sign. */
function isNanOrInf(p: usize, n: u32): bool {
  if (n > 0 && (load<u8>(p) == 45 || load<u8>(p) == 43)) { p++; n--; }
  if (n != 3 && n != 8) return false;
  const w = n == 3 ? "nan" : "infinity";
  let ok = true;
  for (let i: u32 = 0; i < n; i++) if ((load<u8>(p + i) | 32) != <u8>w.charCodeAt(<i32>i)) { ok = false; break; }
  if (ok) return true;
  if (n != 3) return false;
  for (let i: u32 = 0; i < 3; i++) if ((load<u8>(p + i) | 32) != <u8>"inf".charCodeAt(<i32>i)) return false;
  return true;
}

export function builtin_to_number(x: usize): usize {
  if (x == 0) return 0;
  switch (typeOf(x)) {
    case T_NULL: return mkInt(0);
    case T_BOOL: return mkInt(boolOf(x) ? 1 : 0);
    case T_NUM: return x;
    case T_STR: {
      let p = strPtr(x), n = strLen(x);
      if (n > 0 && load<u8>(p) == 43) { p++; n--; } // strconv.ParseFloat accepts a leading '+'
      const m = scanNumber(p, n);
      if (m == 0 || m != n) {
        // strconv.ParseFloat accepts NaN and infinities, which OPA then rejects as a type error.
        if (isNanOrInf(p, n)) {
          if (!strictErrors) return 0;
          msgBegin(); msgAdd("eval_type_error: to_number: operand 1 must be a finite number but got NaN or Inf"); msgAbort();
        }
        return builtinErr("to_number", "invalid syntax");
      }
      return numberFromText(p, n);
    }
    default: return 0;
  }
}


