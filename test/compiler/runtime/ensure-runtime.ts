// Builds build/opa-runtime.wasm when it is missing or older than the AssemblyScript sources, so
// the runtime tests always exercise the current code. Writes to a temporary file and renames it,
// so test files running in parallel never read a half-written module.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const RUNTIME_DIR = path.join(ROOT, "engine/compiler/runtime");
const OUT = path.join(ROOT, "build/opa-runtime.wasm");

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const t = e.isDirectory() ? newestSource(p) : e.name.endsWith(".ts") || e.name === "asconfig.json" ? statSync(p).mtimeMs : 0;
    if (t > newest) newest = t;
  }
  return newest;
}

export function ensureRuntime(): string {
  if (process.env.OPA_RUNTIME_WASM) return process.env.OPA_RUNTIME_WASM;
  const stale = !existsSync(OUT) || statSync(OUT).mtimeMs < newestSource(RUNTIME_DIR);
  if (stale) {
    const tmp = `${OUT}.${process.pid}.tmp`;
    const asc = path.join(ROOT, "node_modules/assemblyscript/bin/asc.js");
    execFileSync(process.execPath, [
      asc, "engine/compiler/runtime/assembly/index.ts",
      "--config", "engine/compiler/runtime/asconfig.json", "--target", "release", "--outFile", tmp,
    ], { cwd: ROOT, stdio: "pipe" });
    renameSync(tmp, OUT);
  }
  return OUT;
}
