// Measures the front half of the compiler on OPA's conformance cases without the Wasm backend:
// parse → check → plan → IR interpreter, compared with want_result / want_error.
//
//   npm run conformance:interp -- [DIR] [--verbose] [--folder NAME]
//
// Only cases whose query is `data.a.b = x` (an entrypoint form) are run; others are skipped.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import * as yaml from "js-yaml";
import { check } from "../../../engine/compiler/check/index.js";
import type { CompileError, Result } from "../../../engine/compiler/errors.js";
import { hostBuiltins } from "../../../engine/compiler/builtins/index.js";
import { interpBuiltins, type BuiltinImpl } from "../../../engine/compiler/ir/interp-builtins.js";
import { EvalError, evaluatePlan } from "../../../engine/compiler/ir/interp.js";
import { fromJSON, toJSON } from "../../../engine/compiler/ir/values.js";
import { plan } from "../../../engine/compiler/plan/index.js";
import type { Module } from "../../../engine/compiler/syntax/ast.js";
import { parseModule } from "../../../engine/compiler/syntax/module.js";

interface Case {
  note: string;
  query: string;
  modules?: string[];
  data?: unknown;
  input?: unknown;
  input_term?: string;
  want_result?: Array<Record<string, unknown>>;
  want_error?: string;
  want_error_code?: string;
  sort_bindings?: boolean;
}

type Outcome = { status: "pass" } | { status: "fail"; reason: string } | { status: "skip"; reason: string };

/** The project's host built-ins (JSON in, JSON out) for what the interpreter lacks. */
const extraBuiltins: Record<string, BuiltinImpl> = {};
for (const [name, fn] of Object.entries(hostBuiltins({ now: () => 1_700_000_000_000_000_000n, print: () => {} }))) {
  if (name in interpBuiltins) continue;
  extraBuiltins[name] = (args) => {
    const r = (fn as (...a: unknown[]) => unknown)(...args.map(toJSON));
    return r === undefined ? undefined : fromJSON(r);
  };
}


export function runCase(c: Case): Outcome {
  const m = /^\s*data\.([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*=\s*([A-Za-z_]\w*)\s*$/.exec(c.query);
  if (!m) return { status: "skip", reason: "query is not an entrypoint form" };
  const entrypoint = m[1]!.split(".").join("/");
  const varName = m[2]!;
  if (varName === "input" || varName === "data") return { status: "skip", reason: "query is not an entrypoint form" };
  const wantsError = c.want_error !== undefined || c.want_error_code !== undefined;

  const compileErr = (stage: string, errs: CompileError[]): Outcome => {
    if (wantsError && (!c.want_error_code || errs.some((e) => e.code === c.want_error_code))) return { status: "pass" };
    return { status: "fail", reason: `${stage}: ${errs[0]?.code}: ${errs[0]?.message}` };
  };
  const modules: Module[] = [];
  for (const [i, text] of (c.modules ?? []).entries()) {
    const r = parseModule(`module${i}.rego`, text);
    if (!r.ok) return compileErr("parse", r.errors);
    modules.push(r.value);
  }
  const checked = check(modules, { entrypoints: [entrypoint] });
  if (!checked.ok) return compileErr("check", checked.errors);
  const planned = plan(checked.value, [entrypoint]);
  if (!planned.ok) return compileErr("plan", planned.errors);

  let input: unknown = c.input;
  if (c.input_term !== undefined) {
    try {
      input = JSON.parse(c.input_term);
    } catch {
      return { status: "skip", reason: "input_term is not JSON" };
    }
  }
  let results: unknown[];
  try {
    results = evaluatePlan(planned.value, entrypoint, input, c.data ?? {}, { maxSteps: 5_000_000, builtins: extraBuiltins });
  } catch (e) {
    if (e instanceof EvalError) {
      if (wantsError && (!c.want_error_code || c.want_error_code === e.code)) return { status: "pass" };
      return { status: "fail", reason: `eval: ${e.message}` };
    }
    return { status: "fail", reason: `crash: ${(e as Error).message}` };
  }
  if (wantsError) return { status: "fail", reason: `wanted error ${c.want_error_code ?? c.want_error}, got a result` };
  const got = results.map((r) => canonical((r as { result: unknown }).result, c.sort_bindings));
  const want = (c.want_result ?? []).map((b) => canonical(b[varName], c.sort_bindings));
  if (c.sort_bindings) {
    got.sort();
    want.sort();
  }
  if (JSON.stringify(got) === JSON.stringify(want)) return { status: "pass" };
  return { status: "fail", reason: `result: got ${got.join(" | ")} want ${want.join(" | ")}` };
}

/** JSON text with object keys sorted; arrays keep their order (sets already come out sorted). */
function canonical(v: unknown, sortArrays = false): string {
  if (v === undefined) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) {
    // sort_bindings: OPA's harness compares arrays in bindings as unordered (sets come as arrays).
    const items = v.map((x) => canonical(x, sortArrays));
    if (sortArrays) items.sort();
    return "[" + items.join(",") + "]";
  }
  const o = v as Record<string, unknown>;
  return "{" + Object.keys(o).sort().map((k) => JSON.stringify(k) + ":" + canonical(o[k], sortArrays)).join(",") + "}";
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const fi = args.indexOf("--folder");
  const only = fi >= 0 ? args[fi + 1] : undefined;
  const dir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--folder") ?? "/work/shared/opa-conformance/v1";
  const byFolder = new Map<string, { pass: number; fail: number; skip: number }>();
  const reasons = new Map<string, number>();
  for (const f of files(dir)) {
    const folder = relative(dir, f).split("/")[0] ?? "";
    if (only && folder !== only) continue;
    const doc = yaml.load(readFileSync(f, "utf8")) as { cases?: Case[] };
    for (const c of doc.cases ?? []) {
      let o: Outcome;
      try {
        o = runCase(c);
      } catch (e) {
        o = { status: "fail", reason: `crash: ${(e as Error).message}` };
      }
      const s = byFolder.get(folder) ?? { pass: 0, fail: 0, skip: 0 };
      s[o.status]++;
      byFolder.set(folder, s);
      if (o.status !== "pass") {
        const r = o.reason.replace(/\d+/g, "N").slice(0, 90);
        reasons.set(r, (reasons.get(r) ?? 0) + 1);
        if (verbose) console.log(`${o.status.toUpperCase()} ${c.note}: ${o.reason}`);
      }
    }
  }
  let p = 0, fl = 0, sk = 0;
  for (const [folder, s] of [...byFolder].sort()) {
    console.log(`${folder.padEnd(28)} ${s.pass}/${s.pass + s.fail + s.skip}${s.skip ? ` (${s.skip} skipped)` : ""}`);
    p += s.pass;
    fl += s.fail;
    sk += s.skip;
  }
  console.log("\nTop causes:");
  for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${String(n).padStart(4)}  ${r}`);
  console.log(`\n${p} passed, ${fl} failed, ${sk} skipped`);
}

main();
