// The project's own policies (policies/*.rego) must pass the checker, quickly.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { check } from "../../../engine/compiler/check/index.js";
import { parseModule } from "../../../engine/compiler/syntax/index.js";
import type { Module } from "../../../engine/compiler/syntax/ast.js";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../policies");

it("checks the project's policies without errors", (ctx) => {
  if (!existsSync(dir)) return ctx.skip();
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".rego"));
  const modules: Module[] = [];
  for (const f of files) {
    const r = parseModule(f, readFileSync(join(dir, f), "utf8"));
    expect(r.ok, `parse ${f}`).toBe(true);
    if (r.ok) modules.push(r.value);
  }
  check(modules); // warm-up: loads the built-in table, JIT
  const t0 = performance.now();
  const r = check(modules);
  const ms = performance.now() - t0;
  console.log(`checked ${files.length} policy files in ${ms.toFixed(1)} ms`);
  expect(r.ok ? [] : r.errors.map((e) => `${e.location?.file}:${e.location?.line}: ${e.message}`)).toEqual([]);
  expect(ms).toBeLessThan(1000);
});
