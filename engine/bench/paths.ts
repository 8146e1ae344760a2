// Where things are, from this file's location (engine/bench/ in the sources, build/engine/bench/
// after `tsc`).

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export function repoRoot(): string {
  let dir = fileURLToPath(new URL(".", import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "engine"))) return dir;
    dir = resolve(dir, "..");
  }
  throw new Error("cannot find the repository root (package.json with engine/) above " + fileURLToPath(import.meta.url));
}

const SHARED_CONTROLS = "security/stable/2020-01-01/examples/secureScores/ListSecureScoreControlsForNameWithExpand_builtin_example.json";

/** Azure's REST example of the secure score controls ($expand=definition): shared copy, else ours. */
export function defaultControlsPath(root = repoRoot()): string {
  const shared = resolve(root, "..", "shared", "azure", SHARED_CONTROLS);
  return existsSync(shared) ? shared : join(root, "engine", "examples", "tenant", "controls.json");
}

export function schemaPath(root = repoRoot()): string {
  return join(root, "engine", "schema", "exemption.schema.json");
}

/** Generated benchmark data lives under build/ (ignored by git). */
export function defaultDataDir(root = repoRoot()): string {
  return join(root, "build", "bench-data");
}
