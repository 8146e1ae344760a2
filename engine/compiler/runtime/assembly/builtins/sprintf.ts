// sprintf with Go's fmt semantics, as OPA defines it: numbers become Go ints, *big.Int or float64,
// strings stay strings, every other value is passed as its Rego text (`["a", 1]`, `{"k": 1}`,
// `{1, 2}`, `true`, `null`). Unsupported verb/argument pairs print Go's `%!v(type=value)` forms.

import {
  T_NULL, T_BOOL, T_NUM, T_STR, T_ARR, T_OBJ, N_INT, N_REF, typeOf, boolOf, numKind, intOf, strLen,
  strPtr, arrLen, arrAt, collLen, keyAt, valAt, mkStr,
} from "../value";
import { ensureSorted } from "../collections";
import { alloc, isTop, extendTop } from "../mem";
import { formatNum, formatI64 } from "../numtext";
import { shortestDigits, shortPoint, shortPtr, exactDecimal, exactPoint, exactPtr } from "../bignum";
import { decode, decLen } from "../utf8";
import { needStr, needArr } from "./util";

// ---- output buffer (grows in place while it is the newest allocation) -----------------------
let ob: usize = 0;
let ol: u32 = 0;
let oc: u32 = 0;

function oreserve(n: u32): void {
  if (ol + n <= oc) return;
  let nc = oc << 1;
  while (nc < ol + n) nc <<= 1;
  if (isTop(ob, oc)) extendTop(nc - oc);
  else { const nb = alloc(nc); memory.copy(nb, ob, ol); ob = nb; }
  oc = nc;
}
function obyte(c: u32): void { oreserve(1); store<u8>(ob + ol, <u8>c); ol++; }
function obytes(p: usize, n: u32): void { oreserve(n); memory.copy(ob + ol, p, n); ol += n; }
function olit(s: string): void { const n = s.length; for (let i = 0; i < n; i++) obyte(s.charCodeAt(i)); }

// ---- Rego text of values (ast.Value.String) --------------------------------------------------
const HEX = memory.data<u8>([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);
const NUMBUF = memory.data(512);

/** Go's strconv.Quote: printable runes as-is, the usual escapes, \u/\x for the rest. */
function quoteGo(p: usize, n: u32): void {
  obyte(34);
  let i: u32 = 0;
  while (i < n) {
    const c = <u32>load<u8>(p + i);
    if (c >= 0x80) {
      const cp = decode(p + i, n - i);
      const l = decLen;
      if (cp == 0xfffd && l == 1) { olit("\\x"); obyte(load<u8>(HEX + (c >> 4))); obyte(load<u8>(HEX + (c & 15))); }
      else obytes(p + i, l);
      i += l;
      continue;
    }
    i++;
    if (c == 34) olit("\\\"");
    else if (c == 92) olit("\\\\");
    else if (c >= 0x20 && c < 0x7f) obyte(c);
    else if (c == 10) olit("\\n");
    else if (c == 9) olit("\\t");
    else if (c == 13) olit("\\r");
    else if (c == 7) olit("\\a");
    else if (c == 8) olit("\\b");
    else if (c == 12) olit("\\f");
    else if (c == 11) olit("\\v");
    else { olit("\\x"); obyte(load<u8>(HEX + (c >> 4))); obyte(load<u8>(HEX + (c & 15))); }
  }
  obyte(34);
}

function regoText(v: usize): void {
  switch (typeOf(v)) {
    case T_NULL: olit("null"); return;
    case T_BOOL: olit(boolOf(v) ? "true" : "false"); return;
    case T_NUM: {
      if (numKind(v) == N_REF) { obytes(load<u32>(v, 16), load<u32>(v, 4)); return; }
      obytes(NUMBUF, formatNum(NUMBUF, v));
      return;
    }
    case T_STR: quoteGo(strPtr(v), strLen(v)); return;
    case T_ARR: {
      obyte(91);
      const n = arrLen(v);
      for (let i: u32 = 0; i < n; i++) { if (i > 0) olit(", "); regoText(arrAt(v, i)); }
      obyte(93);
      return;
    }
    case T_OBJ: {
      ensureSorted(v);
      obyte(123);
      const n = collLen(v);
      for (let i: u32 = 0; i < n; i++) {
        if (i > 0) olit(", ");
        regoText(keyAt(v, i)); olit(": "); regoText(valAt(v, i));
      }
      obyte(125);
      return;
    }
    default: {
      ensureSorted(v);
      const n = collLen(v);
      if (n == 0) { olit("set()"); return; }
      obyte(123);
      for (let i: u32 = 0; i < n; i++) { if (i > 0) olit(", "); regoText(keyAt(v, i)); }
      obyte(125);
    }
  }
}

// ---- argument classification (OPA's conversion to Go values) ---------------------------------
const K_INT: i32 = 0, K_BIG: i32 = 1, K_FLOAT: i32 = 2, K_STR: i32 = 3;

function kindOf(v: usize): i32 {
  if (typeOf(v) == T_STR) return K_STR;
  if (typeOf(v) != T_NUM) return K_STR;
  const k = numKind(v);
  if (k == N_INT) return K_INT;
  if (k == N_REF) {
    const p = <usize>load<u32>(v, 16), n = load<u32>(v, 4);
    let i: u32 = n > 0 && load<u8>(p) == 45 ? 1 : 0;
    if (i >= n) return K_FLOAT;
    for (; i < n; i++) { const c = load<u8>(p + i); if (c < 48 || c > 57) return K_FLOAT; }
    return K_BIG;
  }
  return K_FLOAT;
}

function goType(k: i32): string {
  return k == K_INT ? "int" : (k == K_BIG ? "*big.Int" : (k == K_FLOAT ? "float64" : "string"));
}

// ---- number formatting -------------------------------------------------------------------
const DIG = memory.data(2100);
let dlen: i32 = 0;
let dpoint: i32 = 0;

/** Rounds the exact expansion of |f| to `keep` significant digits (half to even) into DIG. */
function roundExact(f: f64, keep: i32): void {
  if (f == 0) { dlen = keep > 0 ? keep : 0; memory.fill(DIG, 48, <usize>dlen); dpoint = 1; return; }
  const n = <i32>exactDecimal(f);
  dpoint = exactPoint;
  if (keep <= 0) {
    // Everything rounds away, except a first digit above one half of the next power of ten.
    let up = false;
    if (keep == 0) {
      const d0 = load<u8>(exactPtr);
      if (d0 > 53) up = true;
      else if (d0 == 53) { for (let i = 1; i < n; i++) if (load<u8>(exactPtr + i) != 48) { up = true; break; } }
    }
    if (up) { store<u8>(DIG, 49); dlen = 1; dpoint += 1; } else { dlen = 0; }
    return;
  }
  for (let i = 0; i < keep; i++) store<u8>(DIG + i, i < n ? load<u8>(exactPtr + i) : 48);
  dlen = keep;
  if (keep < n) {
    const next = load<u8>(exactPtr + keep);
    let up = next > 53;
    if (next == 53) {
      let rest = false;
      for (let i = keep + 1; i < n; i++) if (load<u8>(exactPtr + i) != 48) { rest = true; break; }
      up = rest || (load<u8>(DIG + keep - 1) & 1) == 1;
    }
    if (up) {
      let i = keep - 1;
      while (i >= 0 && load<u8>(DIG + i) == 57) { store<u8>(DIG + i, 48); i--; }
      if (i >= 0) store<u8>(DIG + i, load<u8>(DIG + i) + 1);
      else { memory.copy(DIG + 1, DIG, <usize>keep); store<u8>(DIG, 49); dpoint++; }
    }
  }
}

function digitAt(i: i32): u32 { return i >= 0 && i < dlen ? <u32>load<u8>(DIG + i) : 48; }

/** %f body for |f| with prec fraction digits. */
function fixedBody(f: f64, prec: i32): void {
  const e0 = f == 0 ? 1 : (exactDecimal(f), exactPoint);
  roundExact(f, e0 + prec);
  if (f == 0) dpoint = 1;
  if (dpoint <= 0) obyte(48);
  else for (let i = 0; i < dpoint; i++) obyte(digitAt(i));
  if (prec > 0) {
    obyte(46);
    for (let i = 0; i < prec; i++) obyte(digitAt(dpoint + i));
  }
}

function expSuffix(x: i32, upper: bool): void {
  obyte(upper ? 69 : 101);
  obyte(x < 0 ? 45 : 43);
  if (x < 0) x = -x;
  if (x >= 100) obyte(48 + x / 100);
  obyte(48 + (x / 10) % 10);
  obyte(48 + x % 10);
}

/** %e body: one digit, prec fraction digits, exponent of at least two digits. */
function expBody(f: f64, prec: i32, upper: bool): void {
  roundExact(f, prec + 1);
  obyte(digitAt(0));
  if (prec > 0) { obyte(46); for (let i = 1; i <= prec; i++) obyte(digitAt(i)); }
  expSuffix(f == 0 ? 0 : dpoint - 1, upper);
}

/** %g / %v body. prec < 0: shortest digits (Go's FormatFloat(f, 'g', -1, 64)). */
function generalBody(f: f64, prec: i32, upper: bool, sharp: bool): void {
  let nd: i32;
  let point: i32;
  let src: usize;
  let eprec: i32;
  if (prec < 0) {
    if (f == 0) { obyte(48); return; }
    nd = <i32>shortestDigits(f); point = shortPoint; src = shortPtr;
    eprec = 6; // Go's strconv: shortest %g switches to %e for exponents < -4 or >= 6
  } else {
    if (prec == 0) prec = 1;
    roundExact(f, prec);
    if (f == 0) dpoint = 1;
    nd = dlen; point = dpoint; src = DIG;
    if (!sharp) while (nd > 1 && load<u8>(src + nd - 1) == 48) nd--;
    eprec = prec;
    if (eprec > nd && nd >= point) eprec = nd;
  }
  const x = point - 1;
  if (x < -4 || x >= eprec) {
    obyte(load<u8>(src));
    if (nd > 1) { obyte(46); obytes(src + 1, <u32>(nd - 1)); }
    expSuffix(x, upper);
    return;
  }
  if (point <= 0) {
    obyte(48); obyte(46);
    for (let i = point; i < 0; i++) obyte(48);
    obytes(src, <u32>nd);
    return;
  }
  for (let i = 0; i < point; i++) obyte(i < nd ? load<u8>(src + i) : 48);
  if (nd > point) { obyte(46); obytes(src + point, <u32>(nd - point)); }
}

// ---- the formatter -------------------------------------------------------------------------
let fMinus = false, fPlus = false, fSharp = false, fZero = false, fSpace = false;
let width: i32 = -1, precision: i32 = -1;

/** Pads the text written since `start` to the width, honouring '-' and '0' (after any sign). */
function pad(start: u32, numeric: bool): void {
  const n = <i32>(ol - start);
  // Width counts runes, not bytes.
  let runes: i32 = 0;
  for (let i = start; i < ol; i++) if ((load<u8>(ob + i) & 0xc0) != 0x80) runes++;
  if (width < 0 || runes >= width) return;
  const padN = <u32>(width - runes);
  oreserve(padN);
  if (fMinus) { for (let i: u32 = 0; i < padN; i++) store<u8>(ob + ol + i, 32); ol += padN; return; }
  let at = start;
  const zero = fZero && numeric;
  if (zero && n > 0 && (load<u8>(ob + at) == 45 || load<u8>(ob + at) == 43 || load<u8>(ob + at) == 32)) at++;
  memory.copy(ob + at + padN, ob + at, ol - at);
  for (let i: u32 = 0; i < padN; i++) store<u8>(ob + at + i, zero ? 48 : 32);
  ol += padN;
}

function signOf(neg: bool): void {
  if (neg) obyte(45);
  else if (fPlus) obyte(43);
  else if (fSpace) obyte(32);
}

function intBase(v: i64, base: u32, upper: bool): void {
  const neg = v < 0;
  let u: u64 = neg ? <u64>(-v) : <u64>v;
  let k: u32 = 0;
  const tmp = NUMBUF + 256;
  do {
    let d = <u32>(u % base);
    store<u8>(tmp + k, <u8>(d < 10 ? 48 + d : (upper ? 55 : 87) + d));
    u /= base; k++;
  } while (u != 0);
  signOf(neg);
  if (fSharp) { if (base == 16) olit(upper ? "0X" : "0x"); else if (base == 8) obyte(48); else if (base == 2) olit("0b"); }
  if (precision > <i32>k) for (let i = <i32>k; i < precision; i++) obyte(48);
  while (k > 0) { k--; obyte(load<u8>(tmp + k)); }
}

function badVerb(verb: u32, v: usize, k: i32): void {
  olit("%!"); obyte(verb); obyte(40); olit(goType(k)); obyte(61);
  valueV(v, k);
  obyte(41);
}

/** %v of an argument. */
function valueV(v: usize, k: i32): void {
  if (k == K_STR) {
    if (typeOf(v) == T_STR) obytes(strPtr(v), strLen(v)); else regoText(v);
  } else if (k == K_INT) obytes(NUMBUF, formatI64(NUMBUF, intOf(v)));
  else if (k == K_BIG) obytes(load<u32>(v, 16), load<u32>(v, 4));
  else {
    const f = load<f64>(v, 8);
    signOf(f < 0);
    generalBody(Math.abs(f), -1, false, false);
  }
}

function floatOf(v: usize): f64 { return load<f64>(v, 8); }

function formatArg(verb: u32, v: usize): void {
  const k = kindOf(v);
  const start = ol;
  let numeric = k != K_STR;
  switch (verb) {
    case 118: { // v
      if (k == K_INT) intBase(intOf(v), 10, false);
      else if (k == K_FLOAT) { const f = floatOf(v); signOf(f < 0); generalBody(Math.abs(f), precision, false, fSharp); }
      else valueV(v, k);
      break;
    }
    case 115: { // s
      if (k == K_STR) {
        if (typeOf(v) != T_STR) regoText(v);
        else if (precision >= 0) {
          // Precision truncates to that many runes.
          const p = strPtr(v), n = strLen(v);
          let i: u32 = 0, r: i32 = 0;
          while (i < n && r < precision) { decode(p + i, n - i); i += decLen; r++; }
          obytes(p, i);
        } else obytes(strPtr(v), strLen(v));
      } else if (k == K_BIG) obytes(load<u32>(v, 16), load<u32>(v, 4));
      else { badVerb(verb, v, k); numeric = false; }
      break;
    }
    case 100: { // d
      if (k == K_INT) intBase(intOf(v), 10, false);
      else if (k == K_BIG) obytes(load<u32>(v, 16), load<u32>(v, 4));
      else { badVerb(verb, v, k); numeric = false; }
      break;
    }
    case 120: case 88: case 111: case 98: { // x X o b
      const base: u32 = verb == 111 ? 8 : (verb == 98 ? 2 : 16);
      if (k == K_INT) intBase(intOf(v), base, verb == 88);
      else if (k == K_STR && typeOf(v) == T_STR && base == 16) {
        const p = strPtr(v), n = strLen(v);
        for (let i: u32 = 0; i < n; i++) {
          const c = <u32>load<u8>(p + i);
          const h = load<u8>(HEX + (c >> 4)), l = load<u8>(HEX + (c & 15));
          obyte(verb == 88 && h > 57 ? h - 32 : h); obyte(verb == 88 && l > 57 ? l - 32 : l);
        }
      } else { badVerb(verb, v, k); numeric = false; }
      break;
    }
    case 102: case 70: case 101: case 69: case 103: case 71: { // f F e E g G
      if (k != K_FLOAT && k != K_INT) { badVerb(verb, v, k); numeric = false; break; }
      if (k == K_INT) { badVerb(verb, v, k); numeric = false; break; }
      const f = floatOf(v);
      signOf(f < 0);
      const a = Math.abs(f);
      if (verb == 102 || verb == 70) fixedBody(a, precision < 0 ? 6 : precision);
      else if (verb == 101 || verb == 69) expBody(a, precision < 0 ? 6 : precision, verb == 69);
      else generalBody(a, precision, verb == 71, fSharp);
      break;
    }
    case 113: { // q
      if (k == K_STR) {
        if (typeOf(v) == T_STR) quoteGo(strPtr(v), strLen(v));
        else { const s0 = ol; regoText(v); const n = ol - s0; const tmp = alloc(n); memory.copy(tmp, ob + s0, n); ol = s0; quoteGo(tmp, n); }
      } else if (k == K_INT) {
        // A quoted rune literal.
        obyte(39); const c = <u32>intOf(v); if (c < 0x80) obyte(c); else { const t = NUMBUF + 300; const e = putRune(t, c); obytes(t, <u32>(e - t)); } obyte(39);
      } else { badVerb(verb, v, k); }
      numeric = false;
      break;
    }
    case 99: { // c
      if (k == K_INT) { const t = NUMBUF + 300; const e = putRune(t, <u32>intOf(v)); obytes(t, <u32>(e - t)); }
      else badVerb(verb, v, k);
      numeric = false;
      break;
    }
    case 84: olit(goType(k)); numeric = false; break; // T
    default: badVerb(verb, v, k); numeric = false;
  }
  pad(start, numeric);
}

function putRune(q: usize, cp: u32): usize {
  if (cp < 0x80) { store<u8>(q, <u8>cp); return q + 1; }
  if (cp < 0x800) { store<u8>(q, <u8>(0xc0 | (cp >> 6))); store<u8>(q + 1, <u8>(0x80 | (cp & 63))); return q + 2; }
  if (cp < 0x10000) {
    store<u8>(q, <u8>(0xe0 | (cp >> 12))); store<u8>(q + 1, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(q + 2, <u8>(0x80 | (cp & 63)));
    return q + 3;
  }
  store<u8>(q, <u8>(0xf0 | (cp >> 18))); store<u8>(q + 1, <u8>(0x80 | ((cp >> 12) & 63)));
  store<u8>(q + 2, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(q + 3, <u8>(0x80 | (cp & 63)));
  return q + 4;
}

export function builtin_sprintf(format: usize, args: usize): usize {
  if (!needStr("sprintf", 1, format) || !needArr("sprintf", 2, args)) return 0;
  oc = 64; ob = alloc(oc); ol = 0;
  const p = strPtr(format), n = strLen(format);
  const nargs = arrLen(args);
  let argi: u32 = 0;
  let i: u32 = 0;
  while (i < n) {
    const c = <u32>load<u8>(p + i);
    if (c != 37) {
      let j = i + 1;
      while (j < n && load<u8>(p + j) != 37) j++;
      obytes(p + i, j - i);
      i = j;
      continue;
    }
    i++;
    fMinus = false; fPlus = false; fSharp = false; fZero = false; fSpace = false;
    width = -1; precision = -1;
    while (i < n) {
      const f = load<u8>(p + i);
      if (f == 45) fMinus = true; else if (f == 43) fPlus = true; else if (f == 35) fSharp = true;
      else if (f == 48) fZero = true; else if (f == 32) fSpace = true; else break;
      i++;
    }
    while (i < n && load<u8>(p + i) >= 48 && load<u8>(p + i) <= 57) { width = (width < 0 ? 0 : width * 10) + (load<u8>(p + i) - 48); i++; }
    if (i < n && load<u8>(p + i) == 46) {
      i++;
      precision = 0;
      while (i < n && load<u8>(p + i) >= 48 && load<u8>(p + i) <= 57) { precision = precision * 10 + (load<u8>(p + i) - 48); i++; }
    }
    if (i >= n) { olit("%!(NOVERB)"); break; }
    const verb = <u32>load<u8>(p + i);
    i++;
    if (verb == 37) { obyte(37); continue; }
    if (argi >= nargs) { olit("%!"); obyte(verb); olit("(MISSING)"); continue; }
    formatArg(verb, arrAt(args, argi++));
  }
  if (argi < nargs) {
    olit("%!(EXTRA ");
    for (let j = argi; j < nargs; j++) {
      if (j > argi) olit(", ");
      const v = arrAt(args, j);
      const k = kindOf(v);
      olit(goType(k)); obyte(61); valueV(v, k);
    }
    obyte(41);
  }
  return mkStr(ob, ol);
}
