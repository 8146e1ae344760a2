import { describe, expect, it } from "vitest";
import { expiryFromFlag, parseDuration, parseExpiry } from "../../engine/exemptions/index.js";

const iso = (text: string): string | string[] => {
  const r = parseExpiry(text);
  return r.ok ? r.instant.toISOString() : ["error", r.message];
};

describe("parseExpiry", () => {
  it("reads a date as 00:00 UTC", () => {
    expect(iso("2027-03-01")).toBe("2027-03-01T00:00:00.000Z");
    expect(iso("2028-02-29")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("reads RFC 3339 times with Z or an offset", () => {
    expect(iso("2027-03-01T12:30:00Z")).toBe("2027-03-01T12:30:00.000Z");
    expect(iso("2027-03-01t12:30:00z")).toBe("2027-03-01T12:30:00.000Z");
    expect(iso("2027-03-01T12:30:00.25+02:00")).toBe("2027-03-01T10:30:00.250Z");
    expect(iso("2027-03-01T00:30:00-05:30")).toBe("2027-03-01T06:00:00.000Z");
  });

  it("says what is wrong with impossible or ambiguous values", () => {
    expect(iso("2027-02-29")).toEqual(["error", "'2027-02-29' is not a calendar date: February 2027 has 28 days"]);
    expect(iso("2027-04-31")).toEqual(["error", "'2027-04-31' is not a calendar date: April 2027 has 30 days"]);
    expect(iso("2027-13-01")[1]).toMatch(/month 13; months run from 01 to 12/);
    expect(iso("2027-03-01T10:00:00")[1]).toMatch(/local time without a UTC offset/);
    expect(iso("2027-03-01 10:00:00Z")[1]).toMatch(/write a 'T'/);
    expect(iso("2027-03-01T24:00:00Z")[1]).toMatch(/impossible time of day/);
    expect(iso("2027-03-01T10:00:00+25:00")[1]).toMatch(/impossible UTC offset/);
    expect(iso("next tuesday")[1]).toMatch(/is not a date or time/);
    expect(iso("1/3/2027")[1]).toMatch(/is not a date or time/);
  });
});

describe("durations for `exempt new`", () => {
  const at = new Date("2026-11-22T10:00:00Z");
  it("counts days and weeks from `at`", () => {
    expect(parseDuration("90d")).toEqual({ ok: true, days: 90 });
    expect(parseDuration("12w")).toEqual({ ok: true, days: 84 });
    expect(expiryFromFlag("90d", at)).toEqual({ ok: true, text: "2027-02-20" });
    expect(expiryFromFlag("1w", at)).toEqual({ ok: true, text: "2026-11-29" });
  });
  it("passes dates and times through and refuses the rest", () => {
    expect(expiryFromFlag("2027-01-01", at)).toEqual({ ok: true, text: "2027-01-01" });
    expect(expiryFromFlag("2027-01-01T00:00:00Z", at)).toEqual({ ok: true, text: "2027-01-01T00:00:00Z" });
    expect(expiryFromFlag("3mo", at).ok).toBe(false);
    expect(expiryFromFlag("0d", at).ok).toBe(false);
    expect(expiryFromFlag("2027-02-30", at).ok).toBe(false);
  });
});
