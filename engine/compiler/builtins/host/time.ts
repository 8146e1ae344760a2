// Time built-ins. Times are nanoseconds since the Unix epoch (UTC). Results that are nanosecond
// counts are returned as exact JSON text (see util.ts); arguments arrive as JSON numbers, so
// nanosecond inputs beyond 2^53 carry the precision of a double.

import { asInt, exactInt, isNumber, isString, type HostFn } from "./util.js";

const NS_PER_MS = 1_000_000n;
const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A broken-down time in some zone, with the offset that zone has at that instant. */
interface Civil {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  nanos: number; weekday: number; offsetSec: number; zone: string;
}

function toBig(ns: unknown): bigint | undefined {
  return isNumber(ns) ? BigInt(Math.trunc(ns)) : undefined;
}

/** Accepts ns or [ns, tz] (or [ns, tz, layout] for time.format). */
function timeArg(x: unknown): { ns: bigint; tz: string; layout?: string } | undefined {
  if (isNumber(x)) return { ns: BigInt(Math.trunc(x)), tz: "UTC" };
  if (Array.isArray(x) && (x.length === 2 || x.length === 3) && isNumber(x[0]) && isString(x[1])) {
    const layout = x.length === 3 ? x[2] : undefined;
    if (layout !== undefined && !isString(layout)) return undefined;
    return { ns: BigInt(Math.trunc(x[0])), tz: x[1] === "" ? "UTC" : x[1], ...(layout !== undefined ? { layout } : {}) };
  }
  return undefined;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

function civil(ns: bigint, tz: string): Civil {
  const ms = floorDiv(ns, NS_PER_MS);
  const nanos = Number(ns - floorDiv(ns, 1_000_000_000n) * 1_000_000_000n);
  const date = new Date(Number(ms));
  let offsetSec = 0;
  if (tz !== "UTC") {
    const zone = tz === "Local" ? undefined : tz;
    const f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
    const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    offsetSec = Math.round((local - Math.floor(Number(ms) / 1000) * 1000) / 1000);
  }
  const shifted = new Date(Number(ms) + offsetSec * 1000);
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(),
    nanos, weekday: shifted.getUTCDay(), offsetSec, zone: tz,
  };
}

/** Nanoseconds of a UTC calendar time (fields may overflow: Date.UTC normalises like Go). */
function utcNs(y: number, mo: number, d: number, h: number, mi: number, s: number, nanos: number): bigint {
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  dt.setUTCHours(h, mi, s, 0);
  return BigInt(dt.getTime()) * NS_PER_MS + BigInt(nanos);
}

// Go's reference layout tokens (Mon Jan 2 15:04:05 MST 2006), longest first.
const tokens = [
  "January", "Monday", "2006", "Z07:00:00", "-07:00:00", "Z07:00", "-07:00", "Z0700", "-0700", "Z07", "-07",
  "Jan", "Mon", "MST", "002", "__2", "_2", "01", "02", "03", "04", "05", "06", "15", "PM", "pm", "1", "2", "3", "4", "5",
];

type Piece = { lit: string } | { tok: string } | { frac: string };

function splitLayout(layout: string): Piece[] {
  const out: Piece[] = [];
  let lit = "";
  for (let i = 0; i < layout.length; ) {
    const frac = /^[.,](0+|9+)(?!\d)/.exec(layout.slice(i));
    if (frac) {
      if (lit) out.push({ lit }), (lit = "");
      out.push({ frac: frac[0] });
      i += frac[0].length;
      continue;
    }
    const t = tokens.find((tok) => layout.startsWith(tok, i));
    if (t) {
      if (lit) out.push({ lit }), (lit = "");
      out.push({ tok: t });
      i += t.length;
    } else {
      lit += layout[i];
      i++;
    }
  }
  if (lit) out.push({ lit });
  return out;
}

const pad = (n: number, w: number, c = "0") => String(n).padStart(w, c);

function formatOffset(sec: number, tok: string): string {
  if (sec === 0 && tok.startsWith("Z")) return "Z";
  const sign = sec < 0 ? "-" : "+";
  const a = Math.abs(sec);
  const h = pad(Math.floor(a / 3600), 2);
  const m = pad(Math.floor((a % 3600) / 60), 2);
  const s = pad(a % 60, 2);
  const body = tok.replace(/^[Z-]/, "");
  if (body === "07:00:00") return `${sign}${h}:${m}:${s}`;
  if (body === "07:00") return `${sign}${h}:${m}`;
  if (body === "0700") return `${sign}${h}${m}`;
  return `${sign}${h}`;
}

export function formatTime(c: Civil, layout: string): string {
  return splitLayout(layout)
    .map((p) => {
      if ("lit" in p) return p.lit;
      if ("frac" in p) {
        const digits = pad(c.nanos, 9).slice(0, p.frac.length - 1);
        if (p.frac[1] === "9") {
          const trimmed = pad(c.nanos, 9).slice(0, p.frac.length - 1).replace(/0+$/, "");
          return trimmed ? p.frac[0] + trimmed : "";
        }
        return p.frac[0] + digits;
      }
      switch (p.tok) {
        case "2006": return pad(c.year, 4);
        case "06": return pad(c.year % 100, 2);
        case "January": return months[c.month - 1];
        case "Jan": return months[c.month - 1]?.slice(0, 3);
        case "01": return pad(c.month, 2);
        case "1": return String(c.month);
        case "Monday": return days[c.weekday];
        case "Mon": return days[c.weekday]?.slice(0, 3);
        case "02": return pad(c.day, 2);
        case "_2": return pad(c.day, 2, " ");
        case "2": return String(c.day);
        case "15": return pad(c.hour, 2);
        case "03": return pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
        case "3": return String(c.hour % 12 === 0 ? 12 : c.hour % 12);
        case "04": return pad(c.minute, 2);
        case "4": return String(c.minute);
        case "05": return pad(c.second, 2);
        case "5": return String(c.second);
        case "PM": return c.hour >= 12 ? "PM" : "AM";
        case "pm": return c.hour >= 12 ? "pm" : "am";
        case "MST": return c.zone === "UTC" ? "UTC" : formatOffset(c.offsetSec, "-0700");
        default: return formatOffset(c.offsetSec, p.tok);
      }
    })
    .join("");
}

/** Parse value by a Go layout; returns UTC nanoseconds or undefined when it does not match. */
export function parseTime(layout: string, value: string): bigint | undefined {
  let rest = value;
  let y = 1, mo = 1, d = 1, h = 0, mi = 0, s = 0, nanos = 0, offset = 0, pm: boolean | null = null;
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
    return Number(m[0]);
  };
  const word = (list: string[], len?: number): number | undefined => {
    const i = list.findIndex((w) => rest.toLowerCase().startsWith((len ? w.slice(0, len) : w).toLowerCase()));
    if (i < 0) return undefined;
    rest = rest.slice(len ?? (list[i] as string).length);
    return i;
  };
  for (const p of splitLayout(layout)) {
    let v: number | undefined;
    if ("lit" in p) {
      if (!rest.startsWith(p.lit)) return undefined;
      rest = rest.slice(p.lit.length);
      continue;
    }
    if ("frac" in p) {
      const m = /^[.,](\d+)/.exec(rest);
      if (!m) {
        if (p.frac[1] === "9") continue;
        return undefined;
      }
      nanos = Number((m[1] as string).slice(0, 9).padEnd(9, "0"));
      rest = rest.slice(m[0].length);
      continue;
    }
    switch (p.tok) {
      case "2006": v = num(/^\d{4}/); if (v !== undefined) y = v; break;
      case "06": v = num(/^\d{2}/); if (v !== undefined) y = v >= 69 ? 1900 + v : 2000 + v; break;
      case "January": v = word(months); if (v !== undefined) mo = v + 1; break;
      case "Jan": v = word(months, 3); if (v !== undefined) mo = v + 1; break;
      case "01": v = num(/^\d{2}/); if (v !== undefined) mo = v; break;
      case "1": v = num(/^\d{1,2}/); if (v !== undefined) mo = v; break;
      case "Monday": v = word(days); break;
      case "Mon": v = word(days, 3); break;
      case "02": v = num(/^\d{2}/); if (v !== undefined) d = v; break;
      case "_2": rest = rest.replace(/^ /, ""); v = num(/^\d{1,2}/); if (v !== undefined) d = v; break;
      case "2": v = num(/^\d{1,2}/); if (v !== undefined) d = v; break;
      case "15": v = num(/^\d{1,2}/); if (v !== undefined) h = v; break;
      case "03": v = num(/^\d{2}/); if (v !== undefined) h = v; break;
      case "3": v = num(/^\d{1,2}/); if (v !== undefined) h = v; break;
      case "04": v = num(/^\d{2}/); if (v !== undefined) mi = v; break;
      case "4": v = num(/^\d{1,2}/); if (v !== undefined) mi = v; break;
      case "05": v = num(/^\d{2}/); if (v !== undefined) s = v; break;
      case "5": v = num(/^\d{1,2}/); if (v !== undefined) s = v; break;
      case "PM": case "pm": {
        const m = /^(AM|PM)/i.exec(rest);
        if (m) { pm = m[1]?.toUpperCase() === "PM"; rest = rest.slice(2); v = 0; }
        break;
      }
      case "MST": {
        const m = /^[A-Z]{3,5}/.exec(rest);
        if (m) { rest = rest.slice(m[0].length); v = 0; }
        break;
      }
      default: {
        if (p.tok.startsWith("Z") && /^Z/.test(rest)) { rest = rest.slice(1); offset = 0; v = 0; break; }
        const m = /^([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/.exec(rest);
        if (m) {
          offset = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
          rest = rest.slice(m[0].length);
          v = 0;
        }
      }
    }
    if (v === undefined) return undefined;
  }
  if (rest !== "") return undefined;
  if (pm !== null) h = (h % 12) + (pm ? 12 : 0);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  if (d > daysIn(y, mo)) return undefined;
  return utcNs(y, mo, d, h, mi, s, nanos) - BigInt(offset) * 1_000_000_000n;
}

const durationUnits: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

export function parseDuration(s: string): bigint | undefined {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(s);
  if (s === "0") return 0n;
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  let total = 0n;
  for (const part of s.slice(m[1]?.length ?? 0).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    const [intPart, fracPart = ""] = (part[1] as string).split(".");
    const unit = BigInt(durationUnits[part[2] as string] as number);
    total += BigInt(intPart || "0") * unit;
    if (fracPart) total += (BigInt(fracPart) * unit) / 10n ** BigInt(fracPart.length);
  }
  return sign * total;
}

function daysIn(y: number, m: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m, 0);
  return dt.getUTCDate();
}

export function timeBuiltins(now: () => bigint): Record<string, HostFn> {
  return {
    "time.now_ns": () => exactInt(now()),
    "time.parse_rfc3339_ns": (v) => {
      if (!isString(v) || !/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v)) return undefined;
      const ns = parseTime("2006-01-02T15:04:05.999999999Z07:00", v.replace("t", "T").replace(/z$/, "Z"));
      return ns === undefined ? undefined : exactInt(ns);
    },
    "time.parse_ns": (layout, v) => {
      if (!isString(layout) || !isString(v)) return undefined;
      const ns = parseTime(layout, v);
      return ns === undefined ? undefined : exactInt(ns);
    },
    "time.parse_duration_ns": (v) => {
      if (!isString(v)) return undefined;
      const ns = parseDuration(v);
      return ns === undefined ? undefined : exactInt(ns);
    },
    "time.format": (x) => {
      const t = timeArg(x);
      return t ? formatTime(civil(t.ns, t.tz), t.layout ?? "2006-01-02T15:04:05.999999999Z07:00") : undefined;
    },
    "time.date": (x) => {
      const t = timeArg(x);
      if (!t) return undefined;
      const c = civil(t.ns, t.tz);
      return [c.year, c.month, c.day];
    },
    "time.clock": (x) => {
      const t = timeArg(x);
      if (!t) return undefined;
      const c = civil(t.ns, t.tz);
      return [c.hour, c.minute, c.second];
    },
    "time.weekday": (x) => {
      const t = timeArg(x);
      return t ? days[civil(t.ns, t.tz).weekday] : undefined;
    },
    "time.add_date": (ns, years, monthsN, daysN) => {
      const t = toBig(ns);
      const [y, m, d] = [asInt(years), asInt(monthsN), asInt(daysN)];
      if (t === undefined || y === undefined || m === undefined || d === undefined) return undefined;
      const c = civil(t, "UTC");
      return exactInt(utcNs(c.year + y, c.month + m, c.day + d, c.hour, c.minute, c.second, c.nanos));
    },
    "time.diff": (a, b) => {
      const ta = timeArg(a);
      const tb = timeArg(b);
      if (!ta || !tb) return undefined;
      let [x, y] = [civil(ta.ns, ta.tz), civil(tb.ns, tb.tz)];
      if (ta.ns > tb.ns) [x, y] = [y, x];
      let years = y.year - x.year, mons = y.month - x.month, dys = y.day - x.day;
      let hrs = y.hour - x.hour, mins = y.minute - x.minute, secs = y.second - x.second;
      if (secs < 0) { secs += 60; mins--; }
      if (mins < 0) { mins += 60; hrs--; }
      if (hrs < 0) { hrs += 24; dys--; }
      if (dys < 0) { dys += daysIn(x.year, x.month); mons--; }
      if (mons < 0) { mons += 12; years--; }
      return [years, mons, dys, hrs, mins, secs];
    },
  };
}
