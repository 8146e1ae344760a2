// Runs parse + check on every module of OPA's conformance cases: the modules of cases that expect
// a result (or an evaluation error) must check without errors; cases that expect a rego_* compile
// error must get that error code. Prints the counts; fails on any unexpected error or missed one.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { check } from "../../../engine/compiler/check/index.js";
import type { Result } from "../../../engine/compiler/errors.js";
import type { Module } from "../../../engine/compiler/syntax/ast.js";
import { normalizeLocals, showBody } from "./show.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.env.CONFORMANCE_DIR ?? resolve(here, "../../../../shared/opa-conformance");
/** The checker's own cases: compile errors OPA reports (the shared set has none of rego_* kind). */
const ownCases = join(here, "testdata");

interface Case {
  note: string;
  modules?: string[];
  want_error_code?: string;
  want_error?: string;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

type ParseModule = (file: string, text: string) => Result<Module>;

async function loadParser(): Promise<ParseModule | null> {
  try {
    const m = (await import("../../../engine/compiler/syntax/index.js")) as { parseModule?: ParseModule };
    return m.parseModule ?? null;
  } catch {
    return null;
  }
}

describe("checker on OPA's conformance modules", () => {
  it("accepts every module that must compile and reports the expected compile errors", async (ctx) => {
    const parseModule = await loadParser();
    if (!parseModule) {
      ctx.skip();
      return;
    }
    const roots = [ownCases, ...(existsSync(root) ? [root] : [])];
    let cases = 0;
    let parseFailures = 0;
    let checked = 0;
    const unexpected: string[] = [];
    const missed: string[] = [];
    const wrongCode: string[] = [];
    // The checker's output must itself check, unchanged: bodies are already in a safe order and
    // names already absolute, so a second pass has nothing to reorder or resolve.
    const unstable: string[] = [];
    let expectedErrorsFound = 0;
    for (const file of roots.flatMap(yamlFiles)) {
      const doc = load(readFileSync(file, "utf8")) as { cases?: Case[] };
      for (const c of doc.cases ?? []) {
        cases++;
        const modules: Module[] = [];
        let parsed = true;
        (c.modules ?? []).forEach((text, i) => {
          const r = parseModule(`test-${i}.rego`, text);
          if (r.ok) modules.push(r.value);
          else {
            parsed = false;
            if (file.startsWith(ownCases)) unexpected.push(`${c.note}: does not parse: ${r.errors.map((e) => e.message).join("; ")}`);
          }
        });
        const wantCompileError = c.want_error_code?.startsWith("rego_") ? c.want_error_code : null;
        if (!parsed) {
          parseFailures++;
          continue;
        }
        checked++;
        const where = `${relative(dirname(root), file)}: ${c.note}`;
        let r: ReturnType<typeof check>;
        try {
          r = check(modules);
        } catch (err) {
          unexpected.push(`${where}: checker threw ${(err as Error).stack ?? String(err)}`);
          continue;
        }
        if (wantCompileError) {
          if (r.ok) missed.push(`${where}: wanted ${wantCompileError}`);
          else if (!r.errors.some((e) => e.code === wantCompileError && (!c.want_error || e.message.includes(c.want_error)))) wrongCode.push(`${where}: wanted ${wantCompileError}, got ${r.errors.map((e) => e.code + ": " + e.message).join("; ")}`);
          else expectedErrorsFound++;
        } else if (r.ok) {
          const again = check(r.value.modules);
          // `some … in` and `every` keep their declarations, so their vars get fresh names again.
          const bodies = (ms: Module[]) => normalizeLocals(ms.flatMap((m) => m.rules.map((x) => showBody(x.body))).join("\n"));
          if (!again.ok) unstable.push(`${where}: re-check failed: ${again.errors.map((e) => e.message).join("; ")}`);
          else if (bodies(again.value.modules) !== bodies(r.value.modules)) unstable.push(`${where}: re-check reordered`);
        } else {
          unexpected.push(`${where}: ${r.errors.map((e) => `${e.location?.file}:${e.location?.line}: ${e.code}: ${e.message}`).join("; ")}`);
        }
      }
    }
    const summary = {
      cases,
      parseFailures,
      checked,
      unexpectedErrors: unexpected.length,
      missedErrors: missed.length,
      wrongErrorCode: wrongCode.length,
      expectedErrorsFound,
      unstableOnRecheck: unstable.length,
    };
    console.log("checker conformance:", JSON.stringify(summary));
    for (const u of [...unexpected, ...missed, ...wrongCode, ...unstable].slice(0, 40)) console.log("  " + u);
    expect(checked).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
    expect(missed).toEqual([]);
    expect(wrongCode).toEqual([]);
    expect(unstable).toEqual([]);
  });
});
