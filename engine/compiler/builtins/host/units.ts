// units.parse and units.parse_bytes, and semantic versions.

import { isString, type HostFn } from "./util.js";

const decimal: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15, e: 1e18 };
const binary: Record<string, number> = { ki: 2 ** 10, mi: 2 ** 20, gi: 2 ** 30, ti: 2 ** 40, pi: 2 ** 50, ei: 2 ** 60 };

function split(s: string): [number, string] | undefined {
  const m = /^([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z]*)$/.exec(s.trim().replace(/^"|"$/g, ""));
  return m ? [Number(m[1]), m[2] as string] : undefined;
}

export function parseBytes(s: string): number | undefined {
  const p = split(s);
  if (!p) return undefined;
  const [n, unitRaw] = p;
  const unit = unitRaw.toLowerCase().replace(/b$/, "");
  if (unit === "") return Math.trunc(n);
  const f = binary[unit] ?? decimal[unit];
  return f === undefined ? undefined : Math.trunc(n * f);
}

export function parseUnits(s: string): number | undefined {
  const p = split(s);
  if (!p) return undefined;
  const [n, unit] = p;
  if (unit === "") return n;
  if (unit === "m") return n / 1000;
  const lower = unit.toLowerCase();
  const f = binary[lower] ?? (lower.length === 1 ? decimal[lower] : undefined);
  return f === undefined ? undefined : n * f;
}

const semverRe = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function compareSemver(a: string, b: string): number | undefined {
  const x = semverRe.exec(a);
  const y = semverRe.exec(b);
  if (!x || !y) return undefined;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return Math.sign(d);
  }
  const px = x[4]?.split(".") ?? [];
  const py = y[4]?.split(".") ?? [];
  if (px.length === 0 || py.length === 0) return px.length === py.length ? 0 : px.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(px.length, py.length); i++) {
    const p = px[i];
    const q = py[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Math.sign(Number(p) - Number(q));
    if (pn !== qn) return pn ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

export const unitBuiltins: Record<string, HostFn> = {
  "units.parse_bytes": (s) => (isString(s) ? parseBytes(s) : undefined),
  "units.parse": (s) => (isString(s) ? parseUnits(s) : undefined),
  "semver.is_valid": (s) => isString(s) && semverRe.test(s),
  "semver.compare": (a, b) => (isString(a) && isString(b) ? compareSemver(a, b) : undefined),
};
