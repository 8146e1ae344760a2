// Parses every module (and query) of OPA's conformance cases. Cases that expect
// rego_parse_error must fail to parse; all others must parse. Prints the counts.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import { parseModule, parseQuery } from "../../../engine/compiler/syntax/index.js";
import { parseModuleWith } from "../../../engine/compiler/syntax/module.js";
import { formatCompileError } from "../../../engine/compiler/errors.js";

const ROOT = process.env.OPA_CONFORMANCE_DIR ?? join(import.meta.dirname, "../../../../shared/opa-conformance");

interface Case {
  note?: string;
  query?: string;
  modules?: string[];
  want_error_code?: string;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (p.endsWith(".yaml") || p.endsWith(".yml")) out.push(p);
  }
  return out;
}

let available = true;
try {
  statSync(ROOT);
} catch {
  available = false;
}

describe.skipIf(!available)("OPA conformance modules", () => {
  test("every module and query parses; parse-error cases are rejected", () => {
    let modules = 0;
    let queries = 0;
    let parseErrorCases = 0;
    let parseErrorMatched = 0;
    const failures: string[] = [];
    let lookaheadChecked = 0;
    for (const file of yamlFiles(ROOT)) {
      const doc = load(readFileSync(file, "utf8")) as { cases?: Case[] } | null;
      for (const c of doc?.cases ?? []) {
        const wantsParseError = c.want_error_code === "rego_parse_error";
        const results = (c.modules ?? []).map((m, i) => parseModule(`${c.note}/module-${i}.rego`, m));
        modules += results.length;
        if (wantsParseError) {
          parseErrorCases++;
          if (results.some((r) => !r.ok)) parseErrorMatched++;
          else failures.push(`${file} :: ${c.note}: expected a parse error, got none`);
          continue;
        }
        for (const [i, r] of results.entries()) {
          if (!r.ok) failures.push(`${file} :: ${c.note}: ${r.errors.map(formatCompileError).join("; ")}`);
          // The parser's shortcut for `if { … }` bodies must give exactly the AST of the full
          // grammar (literal first, then body).
          const slow = parseModuleWith(`${c.note}/module-${i}.rego`, c.modules?.[i] ?? "", false);
          lookaheadChecked++;
          if (JSON.stringify(slow) !== JSON.stringify(r)) failures.push(`${file} :: ${c.note}: lookahead changed the AST`);
        }
        if (c.query !== undefined) {
          queries++;
          const q = parseQuery(c.query);
          if (!q.ok) failures.push(`${file} :: ${c.note}: query: ${q.errors.map(formatCompileError).join("; ")}`);
        }
      }
    }
    console.log(
      `conformance parse: ${modules} modules and ${queries} queries parsed; ` +
        `${parseErrorMatched}/${parseErrorCases} parse-error cases rejected; ${failures.length} unexpected failures ` +
        `(${lookaheadChecked} modules also parsed without the body lookahead)`,
    );
    for (const f of failures.slice(0, 30)) console.log(`  ${f}`);
    expect(modules).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
