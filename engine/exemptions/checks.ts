// Validation beyond the schema, as a pipeline of checks over the whole set of parsed files.
//
// Each check is a named function from the set (and the instant `at`) to diagnostics. The default
// pipeline holds the rules of DESIGN.md §2; an organisation's policy step (Rego, DESIGN.md §3) is
// appended as one more check: `runChecks(ctx, [...DEFAULT_CHECKS, policyCheck])`.
import { basename, extname } from "node:path";
import { locate, pointerToPath } from "./positions.js";
import { formatDate } from "./expiry.js";
import type { ParsedFile } from "./parse-file.js";
import { CATEGORY_OF_JUSTIFICATION } from "./types.js";
import type { Diagnostic, Exemption, FileState, PositionMap, Severity } from "./types.js";

/** A file that parsed into an exemption, with the positions needed to place findings. */
export interface ValidFile {
  readonly file: string;
  readonly exemption: Exemption;
  readonly positions: PositionMap;
}

export interface CheckContext {
  /** Every file that parsed cleanly; files with errors of their own are left out. */
  readonly files: readonly ValidFile[];
  /** The instant the checks are about ("now" for the CLI). */
  readonly at: Date;
}

export interface ExemptionCheck {
  /** Short stable name, e.g. `unique-names`. */
  readonly id: string;
  readonly description: string;
  run(ctx: CheckContext): readonly Diagnostic[] | Promise<readonly Diagnostic[]>;
}

/** A diagnostic placed at a field of a file that parsed. */
export function diagnosticAt(f: ValidFile, pointer: string, severity: Severity, code: string, message: string): Diagnostic {
  const place = locate(f.positions, pointer);
  return { severity, file: f.file, line: place.line, col: place.col, field: pointerToPath(pointer), pointer, message, code };
}

/** Where an exemption stands at `at`, from its own file: canceled, expired or in effect. */
export function fileStateAt(e: Exemption, at: Date): FileState {
  if (e.status === "canceled") return "canceled";
  // In effect strictly before expiresOn (DESIGN.md §2).
  if (e.expiresOn !== null && at.getTime() >= e.expiresOn.getTime()) return "expired";
  return "in_effect";
}

export const justificationMatchesCategory: ExemptionCheck = {
  id: "justification-category",
  description: "third_party_control, alternate_mitigation and false_positive need category mitigated; the others need waiver",
  run: ({ files }) =>
    files.flatMap((f) => {
      const wanted = CATEGORY_OF_JUSTIFICATION[f.exemption.justification];
      if (wanted === f.exemption.category) return [];
      return [
        diagnosticAt(
          f,
          "/justification",
          "error",
          "category-mismatch",
          `justification \`${f.exemption.justification}\` belongs to category \`${wanted}\`, but \`category\` is \`${f.exemption.category}\``,
        ),
      ];
    }),
};

export const fileNameMatchesName: ExemptionCheck = {
  id: "file-name",
  description: "a file is named after its `name`: <name>.yaml or <name>.yml",
  run: ({ files }) =>
    files.flatMap((f) => {
      const stem = basename(f.file, extname(f.file));
      if (stem === f.exemption.name) return [];
      return [
        diagnosticAt(f, "/name", "error", "name-mismatch", `\`name\` is '${f.exemption.name}' but the file is named '${basename(f.file)}'; rename the file to '${f.exemption.name}${extname(f.file)}' or change \`name\``),
      ];
    }),
};

export const uniqueNames: ExemptionCheck = {
  id: "unique-names",
  description: "names are unique across all files",
  run: ({ files }) => {
    const first = new Map<string, ValidFile>();
    const out: Diagnostic[] = [];
    for (const f of files) {
      const earlier = first.get(f.exemption.name);
      if (earlier === undefined) {
        first.set(f.exemption.name, f);
        continue;
      }
      const at = locate(earlier.positions, "/name");
      out.push(diagnosticAt(f, "/name", "error", "duplicate-name", `name '${f.exemption.name}' is already used by ${earlier.file}:${at.line}:${at.col}; names must be unique`));
    }
    return out;
  },
};

export const noDuplicateCoverage: ExemptionCheck = {
  id: "no-duplicate-coverage",
  description: "no recommendation and scope pair is exempted by two files in effect",
  run: ({ files, at }) => {
    const first = new Map<string, { f: ValidFile; rec: number; scope: number }>();
    const out: Diagnostic[] = [];
    for (const f of files) {
      if (fileStateAt(f.exemption, at) !== "in_effect") continue;
      f.exemption.recommendations.forEach((rec, ri) => {
        f.exemption.scopes.forEach((scope, si) => {
          const key = `${rec} ${scope.key}`;
          const earlier = first.get(key);
          if (earlier === undefined) {
            first.set(key, { f, rec: ri, scope: si });
            return;
          }
          if (earlier.f === f) return;
          const place = locate(earlier.f.positions, `/scopes/${earlier.scope}`);
          out.push(
            diagnosticAt(
              f,
              `/scopes/${si}`,
              "error",
              "duplicate-exemption",
              `recommendation ${rec} on scope ${scope.id} is already exempted by '${earlier.f.exemption.name}' (${earlier.f.file}:${place.line}:${place.col}), which is also in effect; keep one`,
            ),
          );
        });
      });
    }
    return out;
  },
};

export const expiredIsInformational: ExemptionCheck = {
  id: "expired",
  description: "an active file whose expiry has passed is reported as a warning: it stays as a record but covers nothing",
  run: ({ files, at }) =>
    files.flatMap((f) => {
      const e = f.exemption;
      if (e.status !== "active" || fileStateAt(e, at) !== "expired" || e.expiresOn === null) return [];
      const when = e.expiresOnText ?? formatDate(e.expiresOn);
      return [
        diagnosticAt(f, "/expiresOn", "warning", "expired", `expired on ${when}: kept as a record, no longer in effect (set \`status: canceled\` or delete the file to silence this)`),
      ];
    }),
};

/** The rules of DESIGN.md §2, in the order they are reported. */
export const DEFAULT_CHECKS: readonly ExemptionCheck[] = Object.freeze([
  justificationMatchesCategory,
  fileNameMatchesName,
  uniqueNames,
  noDuplicateCoverage,
  expiredIsInformational,
]);

/** Only the files that parsed into an exemption. */
export function validFiles(parsed: readonly ParsedFile[]): ValidFile[] {
  return parsed.flatMap((p) => (p.exemption === null ? [] : [{ file: p.file, exemption: p.exemption, positions: p.positions }]));
}

/** Run checks in order; a check that throws is reported as an error rather than crashing the run. */
export async function runChecks(ctx: CheckContext, checks: readonly ExemptionCheck[] = DEFAULT_CHECKS): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const check of checks) {
    try {
      // A loop, not push(...spread): a policy may return 100 k findings, more arguments than the
      // call stack holds.
      for (const d of await check.run(ctx)) out.push(d);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      out.push({ severity: "error", file: "", line: 1, col: 1, field: "", pointer: "", message: `check '${check.id}' failed: ${message}`, code: "check.crashed" });
    }
  }
  return out;
}
