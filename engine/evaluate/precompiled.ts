// The compiled policies that `npm run build` writes (build/policies.wasm + build/policies.json),
// so that `exempt validate` and `exempt evaluate` do not compile Rego on every run.
//
// A prebuilt module is used only when its fingerprint (the Rego sources, the project version)
// matches the policies being asked for: an organisation that edits policies/ or passes
// --policies gets a fresh compile, never a stale module.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PolicySource {
  file: string;
  source: string;
}

export interface PrebuiltManifest {
  fingerprint: string;
  entrypoints: string[];
}

const PROJECT_VERSION = "0.1.0";

/** A stable digest of the policy sources: file base names and contents, in name order. */
export function policyFingerprint(modules: readonly PolicySource[]): string {
  const h = createHash("sha256");
  h.update(`exemptions-as-code ${PROJECT_VERSION}\n`);
  const sorted = [...modules].sort((a, b) => baseName(a.file).localeCompare(baseName(b.file)));
  for (const m of sorted) {
    h.update(`${baseName(m.file)}\n${m.source.length}\n`);
    h.update(m.source);
  }
  return h.digest("hex");
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/**
 * Where a prebuilt module may sit relative to this file: build/ when running from the sources
 * (vitest) or from build/engine/evaluate, and beside the bundle in dist/.
 */
function candidateDirs(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, "..", "..", "build"), join(here, "..", ".."), here];
}

/** The prebuilt module for these sources and entrypoints, or null when there is none that fits. */
export async function findPrebuilt(modules: readonly PolicySource[], entrypoints: readonly string[]): Promise<Uint8Array | null> {
  const fingerprint = policyFingerprint(modules);
  for (const dir of candidateDirs()) {
    const manifestPath = join(dir, "policies.json");
    const wasmPath = join(dir, "policies.wasm");
    if (!existsSync(manifestPath) || !existsSync(wasmPath)) continue;
    let manifest: PrebuiltManifest;
    try {
      manifest = JSON.parse(await readFile(manifestPath, "utf8")) as PrebuiltManifest;
    } catch {
      continue; // a damaged manifest is as good as none: compile instead
    }
    if (manifest.fingerprint !== fingerprint) continue;
    if (!entrypoints.every((e) => manifest.entrypoints.includes(e))) continue;
    return new Uint8Array(await readFile(wasmPath));
  }
  return null;
}

export async function writePrebuilt(dir: string, wasm: Uint8Array, modules: readonly PolicySource[], entrypoints: readonly string[]): Promise<void> {
  const manifest: PrebuiltManifest = { fingerprint: policyFingerprint(modules), entrypoints: [...entrypoints] };
  await writeFile(join(dir, "policies.wasm"), wasm);
  await writeFile(join(dir, "policies.json"), JSON.stringify(manifest, null, 2) + "\n");
}
