// Reading OPA's YAML conformance cases from any folder: every *.yaml/*.yml file below it with a
// top-level `cases:` list. Each case keeps the folder and file it came from for the report.

import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative, dirname } from "node:path";
import { load } from "js-yaml";

export interface ConformanceCase {
  /** Folder of the file, relative to the root (the root's own name for files directly in it). */
  folder: string;
  file: string;
  /** Position of the case in its file, for stable identification. */
  index: number;
  note: string;
  query: string;
  modules: string[];
  data?: unknown;
  input?: unknown;
  /** Input written as a Rego term (the JSON subset is supported). */
  inputTerm?: string;
  wantResult?: Array<Record<string, unknown>>;
  wantError?: string;
  wantErrorCode?: string;
  strictError: boolean;
  sortBindings: boolean;
}

export interface LoadProblem {
  file: string;
  message: string;
}

async function yamlFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  await walk(root);
  return out;
}

function str(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}

/** Parse one file's text into cases; problems (bad YAML, bad shapes) are reported, not thrown. */
export function parseCaseFile(text: string, file: string, folder: string): { cases: ConformanceCase[]; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    return { cases: [], problems: [{ file, message: `invalid YAML: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` }] };
  }
  const list = (doc as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(list)) return { cases: [], problems: [{ file, message: "no top-level `cases:` list" }] };
  const cases: ConformanceCase[] = [];
  list.forEach((raw: unknown, index: number) => {
    const c = raw as Record<string, unknown>;
    const note = str(c.note) ?? `${file}#${index}`;
    const query = str(c.query);
    if (query === undefined) {
      problems.push({ file, message: `case ${note}: no query` });
      return;
    }
    const modules = Array.isArray(c.modules) ? c.modules.filter((m): m is string => typeof m === "string") : [];
    const wantResult = Array.isArray(c.want_result) ? (c.want_result as Array<Record<string, unknown>>) : undefined;
    cases.push({
      folder,
      file,
      index,
      note,
      query,
      modules,
      ...("data" in c ? { data: c.data } : {}),
      ...("input" in c ? { input: c.input } : {}),
      ...(str(c.input_term) !== undefined ? { inputTerm: str(c.input_term) as string } : {}),
      ...(wantResult ? { wantResult } : {}),
      ...(str(c.want_error) !== undefined ? { wantError: str(c.want_error) as string } : {}),
      ...(str(c.want_error_code) !== undefined ? { wantErrorCode: str(c.want_error_code) as string } : {}),
      strictError: c.strict_error === true,
      sortBindings: c.sort_bindings === true,
    });
  });
  return { cases, problems };
}

export async function loadCases(root: string): Promise<{ cases: ConformanceCase[]; problems: LoadProblem[] }> {
  const cases: ConformanceCase[] = [];
  const problems: LoadProblem[] = [];
  for (const path of await yamlFiles(root)) {
    const file = relative(root, path);
    // Files directly in the root are reported under the root's own name rather than ".".
    const folder = dirname(file) === "." ? basename(root) : dirname(file);
    const r = parseCaseFile(await readFile(path, "utf8"), file, folder);
    cases.push(...r.cases);
    problems.push(...r.problems);
  }
  return { cases, problems };
}
