// Checking the organisation's config against what the bundled policies read from it. Pure.
//
// Why here and not in Rego: a value of the wrong type does not fail a Rego rule, it makes the rule
// undefined, and every mistake then loosens the rules without a word: `overlap: Deny` is "not
// deny" (a warning only), `max_days: "365"` compares as a string (never exceeded),
// `default_groups: security-reviewers` iterates to nothing (no reviewer required), a misspelt
// `max_day` falls back to the default. So the sections the bundled policies read are checked
// strictly; other top-level keys are left alone for an organisation's own policies.

import { nearest } from "../exemptions/suggest.js";

export interface ConfigProblem {
  /** JSON pointer of the value at fault (or of its parent for a misspelt key). */
  readonly pointer: string;
  /** The same as a dotted path, e.g. `categories.waiver.max_days`. */
  readonly field: string;
  readonly message: string;
  /** Point at the key rather than the value (unknown keys). */
  readonly atKey: boolean;
}

const CATEGORY_KEYS = ["require_expiry", "max_days"] as const;
const CATEGORIES = ["waiver", "mitigated"] as const;
const GROUP_KEYS = ["default_groups", "broad_scope_groups", "global_groups", "long_waiver_groups"] as const;
const APPROVAL_KEYS = [...GROUP_KEYS, "long_waiver_days"] as const;
const OVERLAP = ["deny", "warn"] as const;

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

const describe = (v: unknown): string => (v === null ? "nothing (null)" : Array.isArray(v) ? "a list" : typeof v === "string" ? `the text ${JSON.stringify(v)}` : `${typeof v} ${JSON.stringify(v)}`);

const isWholeDays = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v) && v >= 0;

export function checkConfig(config: Record<string, unknown>): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const bad = (path: string[], message: string, atKey = false) =>
    out.push({ pointer: "/" + path.join("/"), field: path.join("."), message, atKey });
  const mapping = (path: string[], v: unknown, known: readonly string[], each: (key: string, value: unknown) => void) => {
    if (!isMapping(v)) return bad(path, `expected a mapping of ${known.join(", ")}, got ${describe(v)}`);
    for (const [k, value] of Object.entries(v)) {
      if ((known as readonly string[]).includes(k)) each(k, value);
      else {
        const guess = nearest(k, known);
        bad([...path, k], `unknown setting${guess ? `; did you mean ${guess}?` : ""} (known: ${known.join(", ")})`, true);
      }
    }
  };

  if ("overlap" in config && !(OVERLAP as readonly unknown[]).includes(config.overlap)) {
    bad(["overlap"], `expected 'deny' or 'warn' (lower case), got ${describe(config.overlap)}`);
  }
  if ("categories" in config) {
    mapping(["categories"], config.categories, CATEGORIES, (category, limits) =>
      mapping(["categories", category], limits, CATEGORY_KEYS, (key, v) => {
        if (key === "require_expiry" && typeof v !== "boolean") bad(["categories", category, key], `expected true or false, got ${describe(v)}`);
        if (key === "max_days" && !isWholeDays(v)) bad(["categories", category, key], `expected a whole number of days (0 = no limit), got ${describe(v)}`);
      }),
    );
  }
  if ("approval" in config) {
    mapping(["approval"], config.approval, APPROVAL_KEYS, (key, v) => {
      if (key === "long_waiver_days") {
        if (!isWholeDays(v)) bad(["approval", key], `expected a whole number of days, got ${describe(v)}`);
      } else if (!Array.isArray(v) || !v.every((g) => typeof g === "string" && g !== "")) {
        // An empty list is allowed: it says in so many words that no extra approval is wanted.
        bad(["approval", key], `expected a list of group names such as [security-leads], got ${describe(v)}`);
      }
    });
  }
  return out;
}
