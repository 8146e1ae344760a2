// String built-ins, as fallbacks for those the Wasm runtime does not implement natively.

import { asInt, isNumber, isObject, isString, stringList, type HostFn } from "./util.js";

/** Code points, as OPA counts string positions. */
const cps = (s: string) => Array.from(s);

function trimSet(cutset: string): Set<string> {
  return new Set(cps(cutset));
}

function trimLeft(s: string, cut: string): string {
  const set = trimSet(cut);
  const c = cps(s);
  let i = 0;
  while (i < c.length && set.has(c[i] as string)) i++;
  return c.slice(i).join("");
}

function trimRight(s: string, cut: string): string {
  const set = trimSet(cut);
  const c = cps(s);
  let j = c.length;
  while (j > 0 && set.has(c[j - 1] as string)) j--;
  return c.slice(0, j).join("");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const stringBuiltins: Record<string, HostFn> = {
  upper: (s) => (isString(s) ? s.toUpperCase() : undefined),
  lower: (s) => (isString(s) ? s.toLowerCase() : undefined),
  contains: (s, sub) => (isString(s) && isString(sub) ? s.includes(sub) : undefined),
  startswith: (s, p) => (isString(s) && isString(p) ? s.startsWith(p) : undefined),
  endswith: (s, p) => (isString(s) && isString(p) ? s.endsWith(p) : undefined),
  concat: (d, xs) => {
    const l = Array.isArray(xs) ? stringList(xs) : undefined;
    return isString(d) && l ? l.join(d) : undefined;
  },
  split: (s, d) => (isString(s) && isString(d) ? (d === "" ? cps(s) : s.split(d)) : undefined),
  replace: (s, o, n) => (isString(s) && isString(o) && isString(n) ? (o === "" ? cps(s).join(n).replace(/^/, n) + n : s.split(o).join(n)) : undefined),
  trim: (s, c) => (isString(s) && isString(c) ? trimRight(trimLeft(s, c), c) : undefined),
  trim_left: (s, c) => (isString(s) && isString(c) ? trimLeft(s, c) : undefined),
  trim_right: (s, c) => (isString(s) && isString(c) ? trimRight(s, c) : undefined),
  trim_prefix: (s, p) => (isString(s) && isString(p) ? (s.startsWith(p) ? s.slice(p.length) : s) : undefined),
  trim_suffix: (s, p) => (isString(s) && isString(p) ? (p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s) : undefined),
  trim_space: (s) => (isString(s) ? s.replace(/^[\s\u0085]+|[\s\u0085]+$/g, "") : undefined),
  indexof: (s, sub) => {
    if (!isString(s) || !isString(sub)) return undefined;
    const i = s.indexOf(sub);
    return i < 0 ? -1 : cps(s.slice(0, i)).length;
  },
  indexof_n: (s, sub) => {
    if (!isString(s) || !isString(sub)) return undefined;
    const out: number[] = [];
    if (sub === "") return out;
    for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) out.push(cps(s.slice(0, i)).length);
    return out;
  },
  substring: (s, start, len) => {
    const a = asInt(start);
    const n = asInt(len);
    if (!isString(s) || a === undefined || n === undefined || a < 0) return undefined;
    const c = cps(s);
    if (a >= c.length) return "";
    return (n < 0 ? c.slice(a) : c.slice(a, a + n)).join("");
  },
  format_int: (x, base) => {
    if (!isNumber(x) || ![2, 8, 10, 16].includes(base as number)) return undefined;
    return Math.trunc(x).toString(base as number);
  },
  "strings.reverse": (s) => (isString(s) ? cps(s).reverse().join("") : undefined),
  "strings.count": (s, sub) => {
    if (!isString(s) || !isString(sub)) return undefined;
    if (sub === "") return cps(s).length + 1;
    return s.split(sub).length - 1;
  },
  "strings.any_prefix_match": (s, p) => {
    const a = stringList(s);
    const b = stringList(p);
    return a && b ? a.some((x) => b.some((y) => x.startsWith(y))) : undefined;
  },
  "strings.any_suffix_match": (s, p) => {
    const a = stringList(s);
    const b = stringList(p);
    return a && b ? a.some((x) => b.some((y) => x.endsWith(y))) : undefined;
  },
  "strings.replace_n": (patterns, s) => {
    if (!isObject(patterns) || !isString(s)) return undefined;
    const keys = Object.keys(patterns);
    if (!keys.every((k) => isString(patterns[k]))) return undefined;
    if (keys.length === 0) return s;
    // Patterns are tried in key order at each position, as Go's strings.Replacer does.
    const re = new RegExp(keys.map(escapeRegExp).join("|"), "g");
    return s.replace(re, (m) => patterns[m] as string);
  },
};
