// Expiry times: dates and RFC 3339 times → instants, with messages that say exactly what is wrong,
// and durations such as `90d` for `exempt new`. Pure: "now" is always a parameter.

export type ExpiryResult =
  | { readonly ok: true; readonly instant: Date; readonly dateOnly: boolean }
  | { readonly ok: false; readonly message: string };

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})([Tt ])(\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;
const EXPECTED = "a date YYYY-MM-DD (00:00 UTC of that day) or an RFC 3339 time such as 2027-03-01T12:00:00Z";

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkDate(y: number, m: number, d: number, text: string): string | null {
  if (m < 1 || m > 12) return `'${text}' has month ${String(m).padStart(2, "0")}; months run from 01 to 12`;
  const max = daysInMonth(y, m);
  if (d < 1 || d > max) return `'${text}' is not a calendar date: ${MONTHS[m - 1]} ${y} has ${max} days`;
  return null;
}

/**
 * Parse an `expiresOn` value. A date alone means 00:00 UTC of that day; a time must carry `Z` or an
 * offset (a local time is ambiguous across the teams and runners that read the file).
 */
export function parseExpiry(text: string): ExpiryResult {
  const date = DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const bad = checkDate(y, m, d, text);
    if (bad) return { ok: false, message: bad };
    const instant = new Date(Date.UTC(y, m - 1, d));
    instant.setUTCFullYear(y); // Date.UTC maps years 0-99 to 1900-1999.
    return { ok: true, instant, dateOnly: true };
  }
  const dt = DATE_TIME.exec(text);
  if (!dt) return { ok: false, message: `'${text}' is not a date or time; expected ${EXPECTED}` };
  const [y, m, d, hh, mm, ss] = [1, 2, 3, 5, 6, 7].map((i) => Number(dt[i]));
  const sep = dt[4]!;
  const fraction = dt[8] ?? "";
  const zone = dt[9];
  if (zone === undefined) {
    return { ok: false, message: `'${text}' is a local time without a UTC offset; add Z for UTC or an offset such as +01:00` };
  }
  if (sep === " ") return { ok: false, message: `'${text}' separates date and time with a space; write a 'T' between them` };
  const bad = checkDate(y!, m!, d!, text);
  if (bad) return { ok: false, message: bad };
  if (hh! > 23 || mm! > 59 || ss! > 59) return { ok: false, message: `'${text}' has an impossible time of day ${dt[5]}:${dt[6]}:${dt[7]}` };
  let offsetMinutes = 0;
  if (zone !== "Z" && zone !== "z") {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return { ok: false, message: `'${text}' has an impossible UTC offset ${zone}` };
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  const ms = fraction === "" ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  const utc = Date.UTC(y!, m! - 1, d!, hh!, mm!, ss!, ms) - offsetMinutes * 60_000;
  const instant = new Date(utc);
  if (y! < 100) instant.setUTCFullYear(instant.getUTCFullYear() - 1900);
  return { ok: true, instant, dateOnly: false };
}

/** `YYYY-MM-DD` of an instant in UTC. */
export function formatDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export type DurationResult = { readonly ok: true; readonly days: number } | { readonly ok: false; readonly message: string };

/** `90d` or `12w` → days. Months and years are left out on purpose: their length varies. */
export function parseDuration(text: string): DurationResult {
  const m = /^([1-9][0-9]{0,4})([dw])$/.exec(text);
  if (!m) return { ok: false, message: `'${text}' is not a duration; expected a number of days or weeks such as 90d or 12w` };
  const n = Number(m[1]);
  return { ok: true, days: m[2] === "w" ? n * 7 : n };
}

/**
 * The `expiresOn` text for a flag given as a date, an RFC 3339 time or a duration from `at`.
 * A duration gives the date (UTC) that many days after `at`: the exemption then ends at 00:00 UTC
 * of that day.
 */
export function expiryFromFlag(text: string, at: Date): { ok: true; text: string } | { ok: false; message: string } {
  if (/^[0-9]+[a-zA-Z]+$/.test(text)) {
    const d = parseDuration(text);
    if (!d.ok) return d;
    return { ok: true, text: formatDate(new Date(at.getTime() + d.days * 86_400_000)) };
  }
  const e = parseExpiry(text);
  if (!e.ok) return e;
  return { ok: true, text };
}
