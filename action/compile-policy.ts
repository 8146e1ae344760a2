// Compiles a folder of Rego policies to one Wasm module with the project's compiler, for the
// bundle (dist/policy.wasm). Usage: node <bundled copy> POLICY_DIR RUNTIME_WASM OUT_WASM
import { readFileSync, writeFileSync } from "node:fs";
import { compile, formatCompileError, readRegoDirectory } from "../engine/compiler/index.js";
import { ENTRYPOINTS } from "../engine/evaluate/types.js";

const [dir, runtimePath, out] = process.argv.slice(2);
if (!dir || !runtimePath || !out) {
  console.error("usage: compile-policy POLICY_DIR RUNTIME_WASM OUT_WASM");
  process.exit(2);
}
const modules = await readRegoDirectory(dir);
const result = await compile({ modules, entrypoints: Object.values(ENTRYPOINTS), runtime: new Uint8Array(readFileSync(runtimePath)) });
if (!result.ok) {
  for (const e of result.errors) console.error(formatCompileError(e));
  process.exit(1);
}
writeFileSync(out, result.value);
console.log(`compiled ${modules.length} module(s) from ${dir} into ${out} (${result.value.length} bytes)`);
