// Builds the action's distribution in dist/:
//   dist/index.js                 the action, every dependency bundled (esbuild), ESM for Node 20+
//   dist/package.json             {"type":"module"}
//   dist/policy.wasm              policies/ compiled to Wasm by the project's compiler
//   dist/build/opa-runtime.wasm   the compiler's Wasm runtime, to compile a `policies` input
// Run with `npm run bundle`; `npm run bundle -- --check` rebuilds in a temp dir and fails when
// dist/ differs (the CI check that dist/ is up to date).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const out = check ? mkdtempSync(join(tmpdir(), "exemptions-dist-")) : join(root, "dist");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "build"), { recursive: true });
await build({
  entryPoints: { index: join(root, "action/index.ts") },
  outdir: out,
  // The compiler goes into its own chunk, loaded only to compile a `policies` input.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  legalComments: "none",
  logLevel: "warning",
  // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
});
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module", private: true }, null, 2) + "\n");

// The compiler's runtime (build/opa-runtime.wasm, from `npm run build:runtime`) and policies/
// compiled with it. The compile step is itself bundled with the same plugin and run with node.
const runtime = join(root, "build/opa-runtime.wasm");
if (!existsSync(runtime)) {
  // A fresh clone: build the runtime with the project's own script (AssemblyScript).
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "build:runtime"], { cwd: root, stdio: "inherit" });
  if (!existsSync(runtime)) {
    console.error("build/opa-runtime.wasm is missing and npm run build:runtime did not produce it");
    process.exit(1);
  }
}
cpSync(runtime, join(out, "build/opa-runtime.wasm"));
if (!process.argv.includes("--no-policy")) {
  // Inside node_modules so the helper's external packages resolve (ESM ignores NODE_PATH).
  mkdirSync(join(root, "node_modules/.cache"), { recursive: true });
  const helperDir = mkdtempSync(join(root, "node_modules/.cache/exemptions-compile-"));
  const helper = join(helperDir, "compile-policy.mjs");
  await build({
    entryPoints: [join(root, "action/compile-policy.ts")], outfile: helper, bundle: true, platform: "node",
    target: "node20", format: "esm", logLevel: "warning", packages: "external",
  });
  try {
    // Run from the repository so the helper's external packages resolve from node_modules.
    execFileSync(process.execPath, [helper, join(root, "policies"), runtime, join(out, "policy.wasm")], { cwd: root, stdio: "inherit" });
  } catch {
    console.error("policies/ did not compile: the bundle needs dist/policy.wasm (use --no-policy to bundle without it)");
    process.exit(1);
  } finally {
    rmSync(helperDir, { recursive: true, force: true });
  }
}

if (check) {
  const list = (d) => readdirSync(d, { recursive: true }).map(String).filter((f) => statSync(join(d, f)).isFile()).sort();
  const dist = join(root, "dist");
  const want = list(out);
  const have = existsSync(dist) ? list(dist) : [];
  const problems = [];
  for (const f of new Set([...want, ...have])) {
    if (!want.includes(f)) problems.push(`dist/${f} should not exist`);
    else if (!have.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(join(out, f)).equals(readFileSync(join(dist, f)))) problems.push(`dist/${f} is out of date`);
  }
  rmSync(out, { recursive: true, force: true });
  if (problems.length) {
    console.error(`dist/ is not up to date (run npm run bundle and commit dist/):\n${problems.map((p) => "  " + p).join("\n")}`);
    process.exit(1);
  }
  console.log("dist/ is up to date");
} else {
  console.log(`bundled into ${relative(root, out)}/`);
}
