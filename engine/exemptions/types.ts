// The data types of exemption files: what a file says (Exemption) and what is wrong with it
// (Diagnostic). Plain data, no behaviour.
import type { Scope } from "../scope/index.js";

export type Severity = "error" | "warning";

/**
 * One finding about one file. `line` and `col` are 1-based and always point somewhere in the file
 * (1:1 for findings about the file as a whole, such as an empty file or a byte-order mark).
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** The file as displayed: relative to the working directory when inside it, else absolute. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** The field as a readable path, e.g. `scopes[1]` or `expiresOn`; "" for the whole file. */
  readonly field: string;
  /** The same field as a JSON pointer, e.g. `/scopes/1`; "" for the whole file. */
  readonly pointer: string;
  /** What is wrong and what was expected, as one sentence. */
  readonly message: string;
  /** Stable identifier of the kind of finding, e.g. `schema.type`, `yaml.duplicate-key`. */
  readonly code: string;
}

export const CATEGORIES = ["mitigated", "waiver"] as const;
export type Category = (typeof CATEGORIES)[number];

export const JUSTIFICATIONS = [
  "third_party_control",
  "alternate_mitigation",
  "risk_accepted",
  "planned_remediation",
  "business_need",
  "false_positive",
] as const;
export type Justification = (typeof JUSTIFICATIONS)[number];

/** DESIGN.md §2: which category each justification belongs to. */
export const CATEGORY_OF_JUSTIFICATION: Readonly<Record<Justification, Category>> = Object.freeze({
  third_party_control: "mitigated",
  alternate_mitigation: "mitigated",
  false_positive: "mitigated",
  risk_accepted: "waiver",
  planned_remediation: "waiver",
  business_need: "waiver",
});

export const STATUSES = ["active", "canceled"] as const;
export type FileStatus = (typeof STATUSES)[number];

/** A schema-valid exemption file, normalised. */
export interface Exemption {
  readonly name: string;
  /** Falls back to `name` when the file has none. */
  readonly displayName: string;
  readonly description: string;
  /** Assessment keys, lower case, in file order. */
  readonly recommendations: readonly string[];
  /** Parsed and normalised scopes, in file order; `[GLOBAL_SCOPE]` for `global`. */
  readonly scopes: readonly Scope[];
  readonly category: Category;
  readonly justification: Justification;
  /** The instant from which the exemption no longer applies (in effect strictly before it). */
  readonly expiresOn: Date | null;
  /** `expiresOn` as written in the file. */
  readonly expiresOnText: string | null;
  readonly owner: string;
  readonly ticket: string | null;
  /** `active` unless the file says `canceled`. */
  readonly status: FileStatus;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The file it came from, as in {@link Diagnostic.file}. */
  readonly file: string;
}

/** Where the exemption stands at an instant, from the file alone (no suspension by others). */
export type FileState = "in_effect" | "expired" | "canceled";

/** A 1-based place in a file. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/**
 * Where a node of the YAML document sits. `value` is where the node starts (its quote, anchor or
 * tag included); `content` is where a scalar's text starts (after an opening quote); `key` is the
 * mapping key in front of the node, when there is one.
 */
export interface NodePosition {
  readonly value: Position;
  readonly content: Position;
  readonly key?: Position;
  /** For scalars: written plain or quoted on one line, so `content.col + i` is the i-th character. */
  readonly singleLine: boolean;
}

/** JSON pointer → position of the node. The root is at pointer "". */
export type PositionMap = ReadonlyMap<string, NodePosition>;
