// The organisation's config (data.config for the policies): a value of the wrong type or a
// misspelt key in a section the bundled policies read must be refused with its place, never
// silently loosen a rule (overlap: Deny read as "not deny" → only a warning; max_days: "365"
// compared as a string → never exceeded; default_groups: a string → no reviewer required).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../engine/evaluate/config.js";

const refused = (text: string): string => {
  const r = parseConfig(text, "cfg.yaml");
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(r.config)}`);
  return r.message;
};

describe("config file", () => {
  it("reads the example config as written", () => {
    const text = readFileSync(join(import.meta.dirname, "../../policies/config.example.yaml"), "utf8");
    expect(parseConfig(text, "config.example.yaml")).toEqual({
      ok: true,
      config: {
        categories: { waiver: { require_expiry: true, max_days: 365 }, mitigated: { require_expiry: false, max_days: 730 } },
        overlap: "warn",
        approval: {
          default_groups: ["security-reviewers"],
          broad_scope_groups: ["security-leads"],
          global_groups: ["global-admins"],
          long_waiver_days: 90,
          long_waiver_groups: ["risk-owners"],
        },
      },
    });
  });

  it("an empty file is the defaults; keys of the organisation's own policies pass through", () => {
    expect(parseConfig("", "c.yaml")).toEqual({ ok: true, config: {} });
    expect(parseConfig("my_rule:\n  limit: 3\n", "c.yaml")).toEqual({ ok: true, config: { my_rule: { limit: 3 } } });
    // An empty group list is a deliberate choice (no extra approval), not a mistake.
    expect(parseConfig("approval:\n  long_waiver_groups: []\n", "c.yaml")).toEqual({ ok: true, config: { approval: { long_waiver_groups: [] } } });
  });

  it("refuses an overlap other than deny or warn, at its line and column", () => {
    expect(refused("# rules\noverlap: Deny\n")).toMatch(/^cfg\.yaml:2:10: overlap: .*'deny' or 'warn'/);
  });

  it("refuses limits of the wrong type", () => {
    expect(refused("categories:\n  waiver:\n    max_days: \"365\"\n")).toMatch(/cfg\.yaml:3:15: categories\.waiver\.max_days: .*whole number/);
    expect(refused("categories:\n  waiver:\n    max_days: -1\n")).toMatch(/categories\.waiver\.max_days/);
    expect(refused("categories:\n  waiver:\n    require_expiry: \"true\"\n")).toMatch(/categories\.waiver\.require_expiry: .*true or false/);
    expect(refused("approval:\n  long_waiver_days: 90d\n")).toMatch(/cfg\.yaml:2:21: approval\.long_waiver_days/);
    expect(refused("approval:\n  default_groups: security-reviewers\n")).toMatch(/approval\.default_groups: .*list of group names/);
    expect(refused("approval:\n  global_groups: [global-admins, 3]\n")).toMatch(/approval\.global_groups/);
  });

  it("refuses misspelt keys inside the sections the bundled policies read, suggesting the nearest", () => {
    expect(refused("categories:\n  waiver:\n    max_day: 30\n")).toMatch(/cfg\.yaml:3:5: categories\.waiver\.max_day: unknown setting; did you mean max_days\?/);
    expect(refused("categories:\n  waivers:\n    max_days: 30\n")).toMatch(/categories\.waivers: .*did you mean waiver\?/);
    expect(refused("approval:\n  long_waiver_day: 30\n")).toMatch(/did you mean long_waiver_days\?/);
    expect(refused("categories: [waiver]\n")).toMatch(/categories: .*mapping/);
  });

  it("lists every problem, and refuses duplicate keys (the later one would silently win)", () => {
    const m = refused("overlap: maybe\napproval:\n  long_waiver_days: x\n");
    expect(m.split("\n")).toHaveLength(2);
    expect(refused("overlap: deny\noverlap: warn\n")).toMatch(/cfg\.yaml:2:1: .*duplicate/i);
  });
});
