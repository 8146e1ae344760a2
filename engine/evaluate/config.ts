// The organisation's config file (policies/config.example.yaml): read with positions (the same
// safe YAML reader as exemption files: no aliases, no duplicate keys) and handed to the policies as
// data.config. The sections the bundled policies read are checked (config-check.ts), since a
// mistake there would silently loosen a rule; a problem is reported as file:line:col: field.

import { readFile } from "node:fs/promises";
import { parseYamlDocument } from "../exemptions/yaml.js";
import { locate } from "../exemptions/positions.js";
import { checkConfig } from "./config-check.js";

export type ConfigResult = { ok: true; config: Record<string, unknown> } | { ok: false; message: string };

export function parseConfig(text: string, file: string): ConfigResult {
  const parsed = parseYamlDocument(text.replace(/^\uFEFF/, ""));
  if (!parsed.ok) {
    // A file with nothing but comments is the defaults.
    if (parsed.problems.every((p) => p.code === "yaml.empty")) return { ok: true, config: {} };
    return { ok: false, message: parsed.problems.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`).join("\n") };
  }
  const doc = parsed.value;
  if (doc === undefined || doc === null) return { ok: true, config: {} };
  if (typeof doc !== "object" || Array.isArray(doc)) return { ok: false, message: `${file}:1:1: the config must be a mapping of settings` };
  // JSON round trip: YAML-only values become plain JSON the policy can read.
  const config = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  const problems = checkConfig(config);
  if (problems.length > 0) {
    return {
      ok: false,
      message: problems
        .map((p) => {
          const at = locate(parsed.positions, p.pointer, p.atKey ? "key" : "value");
          return `${file}:${at.line}:${at.col}: ${p.field}: ${p.message}`;
        })
        .join("\n"),
    };
  }
  return { ok: true, config };
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
