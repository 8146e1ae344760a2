// Regular-expression and glob built-ins. OPA uses Go's RE2 syntax; the differences that matter
// in practice are translated to JavaScript (named groups, \z, leading flag groups).

import { asInt, isString, stringList, type HostFn } from "./util.js";

const cache = new Map<string, RegExp | null>();

/** Translate a Go regular expression; null when JavaScript cannot compile it. */
export function goRegExp(pattern: string, global = false): RegExp | null {
  const k = `${global ? "g" : "-"}${pattern}`;
  if (cache.has(k)) return cache.get(k) ?? null;
  let src = pattern;
  let flags = global ? "g" : "";
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1] as string) {
      if (f === "U") return null;
      if (!flags.includes(f)) flags += f;
    }
    src = src.slice(lead[0].length);
  }
  src = src.replace(/\(\?P</g, "(?<").replace(/\\z/g, "$(?![\\s\\S])").replace(/\\A/g, "^(?<![\\s\\S])");
  let re: RegExp | null;
  try {
    re = new RegExp(src, flags);
  } catch {
    re = null;
  }
  if (cache.size > 1000) cache.clear();
  cache.set(k, re);
  return re;
}

/** Glob → RegExp, as gobwas/glob (OPA's glob.match) reads it. */
export function globRegExp(pattern: string, delimiters: string[]): RegExp | null {
  const delim = delimiters.map((d) => d.replace(/[\\\]^-]/g, "\\$&")).join("");
  const notDelim = delim ? `[^${delim}]` : "[\\s\\S]";
  let out = "";
  let inAlt = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "\\") {
      const n = pattern[++i];
      if (n === undefined) return null;
      out += n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else if (c === "*") {
      if (pattern[i + 1] === "*") {
        out += "[\\s\\S]*";
        i++;
      } else out += `${notDelim}*`;
    } else if (c === "?") out += notDelim;
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) return null;
      let body = pattern.slice(i + 1, end);
      const neg = body.startsWith("!");
      if (neg) body = body.slice(1);
      out += `[${neg ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = end;
    } else if (c === "{") {
      inAlt++;
      out += "(?:";
    } else if (c === "}" && inAlt > 0) {
      inAlt--;
      out += ")";
    } else if (c === "," && inAlt > 0) out += "|";
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  if (inAlt > 0) return null;
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return null;
  }
}

export const regexBuiltins: Record<string, HostFn> = {
  "regex.match": (p, s) => {
    if (!isString(p) || !isString(s)) return undefined;
    const re = goRegExp(p);
    return re ? re.test(s) : undefined;
  },
  re_match: (p, s) => regexBuiltins["regex.match"]?.(p, s),
  "regex.is_valid": (p) => (isString(p) ? goRegExp(p) !== null : false),
  "regex.find_n": (p, s, n) => {
    const max = asInt(n);
    if (!isString(p) || !isString(s) || max === undefined) return undefined;
    const re = goRegExp(p, true);
    if (!re) return undefined;
    const all = [...s.matchAll(re)].map((m) => m[0]);
    return max < 0 ? all : all.slice(0, max);
  },
  "regex.find_all_string_submatch_n": (p, s, n) => {
    const max = asInt(n);
    if (!isString(p) || !isString(s) || max === undefined) return undefined;
    const re = goRegExp(p, true);
    if (!re) return undefined;
    const all = [...s.matchAll(re)].map((m) => Array.from(m, (g) => g ?? ""));
    return max < 0 ? all : all.slice(0, max);
  },
  "regex.replace": (s, p, v) => {
    if (!isString(s) || !isString(p) || !isString(v)) return undefined;
    const re = goRegExp(p, true);
    // Go expands ${1} and $name; JavaScript wants $1 and $<name>.
    return re ? s.replace(re, v.replace(/\$\{(\d+)\}/g, "$$$1").replace(/\$\{?([A-Za-z_]\w*)\}?/g, "$$<$1>")) : undefined;
  },
  "regex.template_match": (tpl, s, ds, de) => {
    if (!isString(tpl) || !isString(s) || !isString(ds) || !isString(de)) return undefined;
    let src = "";
    let i = 0;
    while (i < tpl.length) {
      const a = tpl.indexOf(ds, i);
      if (a < 0) {
        src += tpl.slice(i).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        break;
      }
      const b = tpl.indexOf(de, a + ds.length);
      if (b < 0) return undefined;
      src += tpl.slice(i, a).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + `(?:${tpl.slice(a + ds.length, b)})`;
      i = b + de.length;
    }
    const re = goRegExp(`^${src}$`);
    return re ? re.test(s) : undefined;
  },
  "glob.match": (p, delims, s) => {
    if (!isString(p) || !isString(s)) return undefined;
    let d: string[];
    if (delims === null) d = [];
    else {
      const l = Array.isArray(delims) ? stringList(delims) : undefined;
      if (!l) return undefined;
      d = l.length === 0 ? ["."] : l;
    }
    const re = globRegExp(p, d);
    return re ? re.test(s) : undefined;
  },
  "glob.quote_meta": (p) => (isString(p) ? p.replace(/[*?\\[\]{}]/g, "\\$&") : undefined),
};
