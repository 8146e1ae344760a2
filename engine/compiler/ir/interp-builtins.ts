// Built-ins for the IR interpreter (interp.ts), by OPA name. As in OPA's Wasm modules, a type
// error gives undefined rather than an exception. Covers what the conformance cases and the
// project's policies call; it is an oracle, not the product's built-in library.

import { compare, equal, RObject, RSet, toJSON, typeName, unionObjects, type Value } from "./values.js";

export type BuiltinImpl = (args: Value[]) => Value | undefined;

const num = (v: Value | undefined): v is number => typeof v === "number";
const str = (v: Value | undefined): v is string => typeof v === "string";
const coll = (v: Value | undefined): Value[] | undefined =>
  Array.isArray(v) ? v : v instanceof RSet ? v.values() : undefined;

function arith(f: (a: number, b: number) => number | undefined): BuiltinImpl {
  return ([a, b]) => (num(a) && num(b) ? f(a, b) : undefined);
}

function strFn(f: (...s: string[]) => Value | undefined): BuiltinImpl {
  return (args) => (args.every(str) ? f(...(args as string[])) : undefined);
}

/** Go-style %-formatting as far as policies use it: %v %s %d %f %.Nf %x %q %%. */
function sprintf(format: string, args: Value[]): string {
  let i = 0;
  return format.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([vsdfxXqbeEgGt%])/g, (_m, _flags, width: string, prec: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    const a = args[i++];
    let out: string;
    if (a === undefined) out = `%!${verb}(MISSING)`;
    else if (verb === "d") out = num(a) ? String(Math.trunc(a)) : `%!d(${typeName(a)}=${show(a)})`;
    else if (verb === "f" || verb === "e" || verb === "g") out = num(a) ? (prec !== undefined ? a.toFixed(Number(prec)) : verb === "f" ? a.toFixed(6) : String(a)) : show(a);
    else if (verb === "x" || verb === "X") out = num(a) ? Math.trunc(a).toString(16) : str(a) ? Buffer.from(a).toString("hex") : show(a);
    else if (verb === "q") out = JSON.stringify(str(a) ? a : show(a));
    else out = show(a);
    if (verb === "X") out = out.toUpperCase();
    return width ? out.padStart(Number(width)) : out;
  });
}

/** A value as OPA prints it in sprintf/concat: strings bare at top level, JSON-like inside. */
function show(v: Value): string {
  if (typeof v === "string") return v;
  return showInner(v);
}
function showInner(v: Value): string {
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return "[" + v.map(showInner).join(", ") + "]";
  if (v instanceof RSet) return v.size === 0 ? "set()" : "{" + v.values().map(showInner).join(", ") + "}";
  return "{" + v.entries().map(([k, x]) => showInner(k) + ": " + showInner(x)).join(", ") + "}";
}

function re(pattern: string, flags = ""): RegExp | undefined {
  try {
    // RE2 inline flags such as (?i) at the start are common in policies.
    const m = /^\(\?([a-z]+)\)/.exec(pattern);
    if (m) return new RegExp(pattern.slice(m[0].length), flags + m[1]!.replace(/[^ims]/g, ""));
    return new RegExp(pattern, flags);
  } catch {
    return undefined;
  }
}

function walk(v: Value, path: Value[], out: Value[]): void {
  out.push([path, v]);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], out));
  else if (v instanceof RObject) for (const [k, x] of v.entries()) walk(x, [...path, k], out);
  else if (v instanceof RSet) for (const x of v.values()) walk(x, [...path, x], out);
}

function setOf(v: Value | undefined): RSet | undefined {
  return v instanceof RSet ? v : undefined;
}

function toNumber(v: Value): number | undefined {
  if (num(v)) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (str(v)) {
    if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return undefined;
    return Number(v);
  }
  return undefined;
}

export const interpBuiltins: Record<string, BuiltinImpl> = {
  equal: ([a, b]) => equal(a!, b!),
  neq: ([a, b]) => !equal(a!, b!),
  gt: ([a, b]) => compare(a!, b!) > 0,
  gte: ([a, b]) => compare(a!, b!) >= 0,
  lt: ([a, b]) => compare(a!, b!) < 0,
  lte: ([a, b]) => compare(a!, b!) <= 0,
  plus: arith((a, b) => a + b),
  minus: ([a, b]) => {
    if (num(a) && num(b)) return a - b;
    const x = setOf(a);
    const y = setOf(b);
    if (x && y) return new RSet(x.values().filter((v) => !y.has(v)));
    return undefined;
  },
  mul: arith((a, b) => a * b),
  div: arith((a, b) => (b === 0 ? undefined : a / b)),
  rem: arith((a, b) => (b === 0 || !Number.isInteger(a) || !Number.isInteger(b) ? undefined : a % b)),
  abs: ([a]) => (num(a) ? Math.abs(a) : undefined),
  round: ([a]) => (num(a) ? Math.sign(a) * Math.round(Math.abs(a)) : undefined),
  ceil: ([a]) => (num(a) ? Math.ceil(a) : undefined),
  floor: ([a]) => (num(a) ? Math.floor(a) : undefined),
  and: ([a, b]) => {
    const x = setOf(a);
    const y = setOf(b);
    return x && y ? new RSet(x.values().filter((v) => y.has(v))) : undefined;
  },
  or: ([a, b]) => {
    const x = setOf(a);
    const y = setOf(b);
    return x && y ? new RSet([...x.values(), ...y.values()]) : undefined;
  },
  "numbers.range": ([a, b]) => {
    if (!num(a) || !num(b) || !Number.isInteger(a) || !Number.isInteger(b)) return undefined;
    const out: number[] = [];
    for (let i = a; a <= b ? i <= b : i >= b; i += a <= b ? 1 : -1) out.push(i);
    return out;
  },
  count: ([a]) => {
    if (str(a)) return [...a].length;
    if (Array.isArray(a)) return a.length;
    if (a instanceof RObject || a instanceof RSet) return a.size;
    return undefined;
  },
  sum: ([a]) => {
    const c = coll(a);
    return c && c.every(num) ? (c as number[]).reduce((x, y) => x + y, 0) : undefined;
  },
  product: ([a]) => {
    const c = coll(a);
    return c && c.every(num) ? (c as number[]).reduce((x, y) => x * y, 1) : undefined;
  },
  max: ([a]) => {
    const c = coll(a);
    return c && c.length > 0 ? [...c].sort(compare)[c.length - 1] : undefined;
  },
  min: ([a]) => {
    const c = coll(a);
    return c && c.length > 0 ? [...c].sort(compare)[0] : undefined;
  },
  sort: ([a]) => {
    const c = coll(a);
    return c ? [...c].sort(compare) : undefined;
  },
  all: ([a]) => {
    const c = coll(a);
    return c ? c.every((v) => v === true) : undefined;
  },
  any: ([a]) => {
    const c = coll(a);
    return c ? c.some((v) => v === true) : undefined;
  },
  concat: ([d, a]) => {
    const c = coll(a);
    return str(d) && c && c.every(str) ? (c as string[]).join(d) : undefined;
  },
  contains: strFn((s, t) => s.includes(t)),
  startswith: strFn((s, t) => s.startsWith(t)),
  endswith: strFn((s, t) => s.endsWith(t)),
  lower: strFn((s) => s.toLowerCase()),
  upper: strFn((s) => s.toUpperCase()),
  split: strFn((s, d) => s.split(d)),
  replace: strFn((s, o, n) => s.split(o).join(n)),
  "strings.replace_n": ([p, s]) => {
    if (!(p instanceof RObject) || !str(s)) return undefined;
    const pairs = p.entries();
    if (!pairs.every(([k, v]) => str(k) && str(v))) return undefined;
    let out = "";
    for (let i = 0; i < s.length; ) {
      const hit = pairs.find(([k]) => (k as string).length > 0 && s.startsWith(k as string, i));
      if (hit) {
        out += hit[1] as string;
        i += (hit[0] as string).length;
      } else out += s[i++];
    }
    return out;
  },
  "strings.reverse": strFn((s) => [...s].reverse().join("")),
  "strings.any_prefix_match": ([s, p]) => anyMatch(s, p, (a, b) => a.startsWith(b)),
  "strings.any_suffix_match": ([s, p]) => anyMatch(s, p, (a, b) => a.endsWith(b)),
  trim: strFn((s, c) => trimChars(trimChars(s, c, true), c, false)),
  trim_left: strFn((s, c) => trimChars(s, c, true)),
  trim_right: strFn((s, c) => trimChars(s, c, false)),
  trim_prefix: strFn((s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  trim_suffix: strFn((s, p) => (p.length > 0 && s.endsWith(p) ? s.slice(0, s.length - p.length) : s)),
  trim_space: strFn((s) => s.trim()),
  substring: ([s, a, b]) => {
    if (!str(s) || !num(a) || !num(b) || a < 0) return undefined;
    const cps = [...s];
    return cps.slice(a, b < 0 ? undefined : a + b).join("");
  },
  indexof: strFn((s, t) => {
    const i = s.indexOf(t);
    return i < 0 ? -1 : [...s.slice(0, i)].length;
  }),
  sprintf: ([f, a]) => (str(f) && Array.isArray(a) ? sprintf(f, a) : undefined),
  format_int: ([n, b]) => (num(n) && num(b) ? Math.trunc(n).toString(b) : undefined),
  "regex.match": strFn((p, s) => re(p)?.test(s)),
  re_match: strFn((p, s) => re(p)?.test(s)),
  "regex.is_valid": ([p]) => (str(p) ? re(p) !== undefined : false),
  "regex.split": strFn((p, s) => {
    const r = re(p, "g");
    return r ? s.split(r) : undefined;
  }),
  "regex.find_n": ([p, s, n]) => {
    if (!str(p) || !str(s) || !num(n)) return undefined;
    const r = re(p, "g");
    if (!r) return undefined;
    const all = [...s.matchAll(r)].map((m) => m[0]);
    return n < 0 ? all : all.slice(0, n);
  },
  "regex.replace": strFn((s, p, v) => {
    const r = re(p, "g");
    return r ? s.replace(r, v.replace(/\$\{?(\d+)\}?/g, "$$$1")) : undefined;
  }),
  to_number: ([v]) => toNumber(v!),
  type_name: ([v]) => typeName(v!),
  is_number: ([v]) => typeName(v!) === "number",
  is_string: ([v]) => typeName(v!) === "string",
  is_boolean: ([v]) => typeName(v!) === "boolean",
  is_array: ([v]) => typeName(v!) === "array",
  is_set: ([v]) => typeName(v!) === "set",
  is_object: ([v]) => typeName(v!) === "object",
  is_null: ([v]) => v === null,
  "array.concat": ([a, b]) => (Array.isArray(a) && Array.isArray(b) ? [...a, ...b] : undefined),
  "array.slice": ([a, i, j]) => {
    if (!Array.isArray(a) || !num(i) || !num(j)) return undefined;
    const s = Math.max(0, i);
    const e = Math.min(a.length, j);
    return s >= e ? [] : a.slice(s, e);
  },
  "array.reverse": ([a]) => (Array.isArray(a) ? [...a].reverse() : undefined),
  intersection: ([a]) => {
    if (!(a instanceof RSet)) return undefined;
    const sets = a.values();
    if (!sets.every((s) => s instanceof RSet)) return undefined;
    if (sets.length === 0) return new RSet();
    return new RSet((sets[0] as RSet).values().filter((v) => sets.every((s) => (s as RSet).has(v))));
  },
  union: ([a]) => {
    if (!(a instanceof RSet)) return undefined;
    const sets = a.values();
    if (!sets.every((s) => s instanceof RSet)) return undefined;
    return new RSet(sets.flatMap((s) => (s as RSet).values()));
  },
  "object.get": ([o, k, d]) => {
    if (!(o instanceof RObject)) return undefined;
    if (Array.isArray(k)) {
      let cur: Value | undefined = o;
      for (const p of k) {
        if (cur instanceof RObject) cur = cur.get(p);
        else if (Array.isArray(cur) && num(p)) cur = cur[p];
        else if (cur instanceof RSet) cur = cur.get(p);
        else cur = undefined;
        if (cur === undefined) break;
      }
      return cur ?? d;
    }
    return o.get(k!) ?? d;
  },
  "object.keys": ([o]) => (o instanceof RObject ? new RSet(o.entries().map(([k]) => k)) : undefined),
  "object.remove": ([o, ks]) => {
    if (!(o instanceof RObject)) return undefined;
    const keys = ks instanceof RObject ? ks.entries().map(([k]) => k) : coll(ks);
    if (!keys) return undefined;
    const out = o.copy();
    for (const k of keys) out.delete(k);
    return out;
  },
  "object.union_n": ([a]) => {
    if (!Array.isArray(a) || !a.every((o) => o instanceof RObject)) return undefined;
    return (a as RObject[]).reduce((acc, o) => unionObjects(acc, o), new RObject());
  },
  "object.subset": ([sup, sub]) => (sup === undefined || sub === undefined ? undefined : subset(sup, sub)),
  "array.flatten": ([a]) => (Array.isArray(a) ? a.flatMap((x) => (Array.isArray(x) ? x : [x])) : undefined),
  "object.union": ([a, b]) => (a instanceof RObject && b instanceof RObject ? unionObjects(a, b) : undefined),
  walk: ([v]) => {
    const out: Value[] = [];
    walk(v!, [], out);
    return out;
  },
  "opa.runtime": () => new RObject(),
  // print output is not part of results; the interpreter discards it (pass a replacement to see it).
  "internal.print": () => true,
  "json.marshal": ([v]) => JSON.stringify(toJSON(v!)),
  "internal.member_2": ([x, c]) => iterValues(c).some((v) => equal(v, x!)),
};

function iterValues(c: Value | undefined): Value[] {
  if (Array.isArray(c)) return c;
  if (c instanceof RSet) return c.values();
  if (c instanceof RObject) return c.entries().map(([, v]) => v);
  return [];
}

/** object.subset: objects recursively, sets by membership, arrays as contiguous sub-arrays. */
function subset(sup: Value, sub: Value): boolean | undefined {
  if (sup instanceof RObject && sub instanceof RObject) {
    return sub.entries().every(([k, v]) => {
      const w = sup.get(k);
      if (w === undefined) return false;
      if (w instanceof RObject && v instanceof RObject) return subset(w, v) === true;
      return equal(w, v);
    });
  }
  if (sup instanceof RSet && sub instanceof RSet) return sub.values().every((v) => sup.has(v));
  if (Array.isArray(sup) && sub instanceof RSet) return sub.values().every((v) => sup.some((w) => equal(w, v)));
  if (Array.isArray(sup) && Array.isArray(sub)) {
    if (sub.length === 0) return true;
    for (let i = 0; i + sub.length <= sup.length; i++) if (sub.every((v, j) => equal(sup[i + j]!, v))) return true;
    return false;
  }
  return undefined;
}

function anyMatch(s: Value | undefined, p: Value | undefined, f: (a: string, b: string) => boolean): Value | undefined {
  const ss = str(s) ? [s] : coll(s);
  const ps = str(p) ? [p] : coll(p);
  if (!ss || !ps || !ss.every(str) || !ps.every(str)) return undefined;
  return (ss as string[]).some((a) => (ps as string[]).some((b) => f(a, b)));
}

function trimChars(s: string, cut: string, left: boolean): string {
  const set = new Set([...cut]);
  const cps = [...s];
  if (left) {
    let i = 0;
    while (i < cps.length && set.has(cps[i]!)) i++;
    return cps.slice(i).join("");
  }
  let j = cps.length;
  while (j > 0 && set.has(cps[j - 1]!)) j--;
  return cps.slice(0, j).join("");
}

