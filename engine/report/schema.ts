// Validating a report against its published JSON Schema (report.schema.json, 2020-12).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

export function reportSchemaPath(): string {
  // The schema stays in the source tree (engine/report/); from build/ go back to it.
  const here = fileURLToPath(new URL(".", import.meta.url));
  return here.includes("/build/engine/") ? here.replace("/build/engine/", "/engine/") + "report.schema.json" : here + "report.schema.json";
}

let validator: ((v: unknown) => boolean) & { errors?: unknown } | null = null;

export function validateReport(report: unknown): { ok: true } | { ok: false; errors: string[] } {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(reportSchemaPath(), "utf8")));
  }
  if (validator(report)) return { ok: true };
  const errors = ((validator.errors ?? []) as { instancePath: string; message?: string }[]).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
  return { ok: false, errors };
}
