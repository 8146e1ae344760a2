// Writing an exemption file's text from its fields (for `exempt new`). Pure.
import { dump } from "js-yaml";
import type { Category, FileStatus, Justification } from "./types.js";

/** The fields of a new file, as they will be written (already normalised by the caller). */
export interface ExemptionDraft {
  readonly name: string;
  readonly displayName?: string | undefined;
  readonly description: string;
  readonly recommendations: readonly string[];
  readonly scopes: readonly string[];
  readonly category: Category;
  readonly justification: Justification;
  readonly expiresOn?: string | undefined;
  readonly owner: string;
  readonly ticket?: string | undefined;
  readonly status?: FileStatus | undefined;
}

/**
 * YAML text of one exemption file, fields in the documented order, headed by the
 * `# yaml-language-server: $schema=` line so editors complete and check it.
 */
export function renderExemption(draft: ExemptionDraft, schemaRef: string): string {
  const ordered: Record<string, unknown> = {};
  const put = (key: keyof ExemptionDraft): void => {
    const v = draft[key];
    if (v !== undefined) ordered[key] = Array.isArray(v) ? [...v] : v;
  };
  for (const key of ["name", "displayName", "description", "recommendations", "scopes", "category", "justification", "expiresOn", "owner", "ticket", "status"] as const) {
    put(key);
  }
  // lineWidth -1: never fold long IDs or descriptions across lines.
  const body = dump(ordered, { lineWidth: -1, noRefs: true });
  return `# yaml-language-server: $schema=${schemaRef}\n${body}`;
}
