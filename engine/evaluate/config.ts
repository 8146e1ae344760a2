// The organisation's config file (policies/config.example.yaml): read with js-yaml's safe schema
// and handed to the policies as data.config. Its meaning belongs to the policies; here we only
// check it is a mapping.

import { readFile } from "node:fs/promises";
import { load as loadYaml } from "js-yaml";

export type ConfigResult = { ok: true; config: Record<string, unknown> } | { ok: false; message: string };

export function parseConfig(text: string, file: string): ConfigResult {
  let doc: unknown;
  try {
    doc = loadYaml(text, { filename: file });
  } catch (e) {
    return { ok: false, message: `${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (doc === undefined || doc === null) return { ok: true, config: {} };
  if (typeof doc !== "object" || Array.isArray(doc)) return { ok: false, message: `${file}: the config must be a mapping of settings` };
  // JSON round trip: dates and other YAML-only values become plain JSON the policy can read.
  return { ok: true, config: JSON.parse(JSON.stringify(doc)) as Record<string, unknown> };
}

export async function loadConfig(file: string | undefined): Promise<ConfigResult> {
  if (file === undefined) return { ok: true, config: {} };
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    return { ok: false, message: `${file}: cannot read: ${e instanceof Error ? e.message : String(e)}` };
  }
  return parseConfig(text, file);
}
