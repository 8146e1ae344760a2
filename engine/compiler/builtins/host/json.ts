// json.filter and json.remove: keep or drop the values at the given paths of an object. Paths are
// "a/b/0" strings or ["a", "b", 0] arrays (as an array or a set, which arrives as an array).

import { isObject, isString, type HostFn, type Json } from "./util.js";

type Path = string[];

function parsePaths(x: unknown): Path[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const out: Path[] = [];
  for (const p of x) {
    if (isString(p)) out.push(p.replace(/^\/+/, "").split("/").filter((s, i, a) => !(s === "" && a.length === 1)));
    else if (Array.isArray(p) && p.every((s) => isString(s) || typeof s === "number")) out.push(p.map(String));
    else return undefined;
  }
  return out;
}

interface Trie {
  [key: string]: Trie;
}

function trieOf(paths: Path[]): Trie {
  const root: Trie = {};
  for (const p of paths) {
    let node = root;
    for (const k of p) node = node[k] ??= {};
  }
  return root;
}

const isLeaf = (t: Trie) => Object.keys(t).length === 0;

function filter(v: Json, t: Trie): Json | undefined {
  if (isLeaf(t)) return v;
  if (Array.isArray(v)) {
    const out: Json[] = [];
    v.forEach((item, i) => {
      const sub = t[String(i)];
      if (sub) {
        const f = filter(item, sub);
        if (f !== undefined) out.push(f);
      }
    });
    return out;
  }
  if (isObject(v)) {
    const out: Record<string, Json> = {};
    for (const [k, sub] of Object.entries(t)) {
      if (k in v) {
        const f = filter(v[k] as Json, sub);
        if (f !== undefined) out[k] = f;
      }
    }
    return out;
  }
  return undefined;
}

function remove(v: Json, t: Trie): Json {
  if (Array.isArray(v)) {
    const out: Json[] = [];
    v.forEach((item, i) => {
      const sub = t[String(i)];
      if (!sub) out.push(item);
      else if (!isLeaf(sub)) out.push(remove(item, sub));
    });
    return out;
  }
  if (isObject(v)) {
    const out: Record<string, Json> = {};
    for (const [k, item] of Object.entries(v)) {
      const sub = t[k];
      if (!sub) out[k] = item;
      else if (!isLeaf(sub)) out[k] = remove(item, sub);
    }
    return out;
  }
  return v;
}

export const jsonBuiltins: Record<string, HostFn> = {
  "json.filter": (obj, paths) => {
    const ps = parsePaths(paths);
    if (!isObject(obj) || !ps) return undefined;
    return ps.length === 0 ? {} : filter(obj, trieOf(ps));
  },
  "json.remove": (obj, paths) => {
    const ps = parsePaths(paths);
    if (!isObject(obj) || !ps) return undefined;
    return remove(obj, trieOf(ps));
  },
};
