// `npm run build:policies`: compile the bundled policies/ once, at build time, into
// build/policies.wasm (+ build/policies.json, its fingerprint), which the engine loads instead of
// compiling on every run. Exits non-zero with the compiler's file:line:col errors on failure.

import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { compile } from "../compiler/index.js";
import { formatCompileError } from "../compiler/errors.js";
import { writePrebuilt } from "./precompiled.js";
import { ENTRYPOINTS } from "./types.js";
import { defaultPolicyDir, readPolicyModules } from "./wasm-runner.js";

async function main(): Promise<number> {
  const outDir = process.argv[2] ?? "build";
  const modules = await readPolicyModules(defaultPolicyDir());
  const entrypoints = Object.values(ENTRYPOINTS);
  const started = performance.now();
  const result = await compile({ modules, entrypoints });
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(formatCompileError(e) + "\n");
    return 1;
  }
  await mkdir(outDir, { recursive: true });
  await writePrebuilt(outDir, result.value, modules, entrypoints);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`compiled ${modules.length} policy files (${entrypoints.join(", ")}) → ${join(outDir, "policies.wasm")} (${result.value.byteLength} bytes, ${ms} ms)\n`);
  return 0;
}

process.exitCode = await main();
