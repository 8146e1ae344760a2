// Writing the benchmark tenant to disk (the I/O edge of the generator). Rows are written as they
// are generated, through fixed-size buffers: memory stays flat whatever the row count.
//
// Layout of OUT:
//   controls.json               REST secure score controls list ($expand=definition)
//   tree.json                   Resource Graph resourcecontainers rows ({"data":[…]})
//   config.yaml                 organisation rules for the policies
//   assessments/page-NNNNNN.json  pages of Resource Graph rows ({"count","data","skip_token",…})
//   assessments.jsonl           the same rows as JSON Lines (one file; may exceed 512 MB)
//   exemptions/<level>/<name>.yaml
//   manifest.json               what was generated, with which seed (written last: a folder
//                               without it is incomplete)

import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { renderExemption } from "../exemptions/render.js";
import { BENCH_CONFIG, generateExemptions, type ScopeLevel } from "./exemptions.js";
import { assessmentRows, buildLayout, treeRows, type ControlsDocument } from "./tenant.js";

/** A file written through a buffer of about 1 MB. */
class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(""), "utf8");
    writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface GenerateOptions {
  out: string;
  assessments: number;
  exemptions: number;
  seed: number;
  at: Date;
  controls: ControlsDocument;
  subscriptions?: number;
  /** Rows per JSON page (az graph query returns at most 1,000). */
  pageSize?: number;
  /** Which assessment formats to write (default both). */
  formats?: readonly ("json" | "jsonl")[];
  /** Path of the exemption JSON Schema, for the files' `$schema` comment. */
  schemaPath?: string;
  /** Called every so many rows (for a progress bar). */
  onProgress?: (rows: number, total: number) => void;
}

export interface Manifest {
  generator: "exemptions-as-code bench:gen";
  version: 1;
  seed: number;
  at: string;
  assessments: number;
  exemptions: number;
  exemptionsByLevel: Record<ScopeLevel, number>;
  subscriptions: number;
  resourceGroups: number;
  managementGroups: number;
  resources: number;
  pages: number;
  pageSize: number;
  formats: ("json" | "jsonl")[];
  bytes: { json: number; jsonl: number };
}

export const MANIFEST = "manifest.json";

export function generateTenantFiles(o: GenerateOptions): Manifest {
  const pageSize = o.pageSize ?? 1000;
  const formats = [...(o.formats ?? ["json", "jsonl"])];
  const layout = buildLayout({ seed: o.seed, assessments: o.assessments, controls: o.controls, ...(o.subscriptions ? { subscriptions: o.subscriptions } : {}) });
  // Exemptions first: if the tenant cannot hold them, fail before writing a gigabyte.
  const exemptions = generateExemptions(layout, { count: o.exemptions, seed: o.seed, at: o.at });

  rmSync(o.out, { recursive: true, force: true });
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, "controls.json"), JSON.stringify({ value: o.controls.value }, null, 1) + "\n");
  const tree = treeRows(layout);
  writeFileSync(join(o.out, "tree.json"), JSON.stringify({ count: tree.length, data: tree, skip_token: null, total_records: tree.length }, null, 1) + "\n");
  writeFileSync(join(o.out, "config.yaml"), BENCH_CONFIG);

  const byLevel: Record<ScopeLevel, number> = { global: 0, managementGroup: 0, subscription: 0, resourceGroup: 0, resource: 0 };
  const folders: Record<ScopeLevel, string> = { global: "global", managementGroup: "management-groups", subscription: "subscriptions", resourceGroup: "resource-groups", resource: "resources" };
  for (const { level, draft } of exemptions) {
    const file = join(o.out, "exemptions", folders[level], `${draft.name}.yaml`);
    mkdirSync(dirname(file), { recursive: true });
    const schemaRef = o.schemaPath ? relative(dirname(file), o.schemaPath) : "exemption.schema.json";
    writeFileSync(file, renderExemption(draft, schemaRef));
    byLevel[level]++;
  }

  // Assessments: one pass, written to both formats as rows come.
  const jsonl = formats.includes("jsonl") ? new BufferedFile(join(o.out, "assessments.jsonl")) : null;
  if (formats.includes("json")) mkdirSync(join(o.out, "assessments"), { recursive: true });
  let page: string[] = [];
  let pages = 0;
  let jsonBytes = 0;
  const total = layout.rows;
  const flushPage = (last: boolean) => {
    if (page.length === 0) return;
    pages++;
    // The skip token of a real answer is opaque; any non-null string says "more pages follow".
    const token = last ? "null" : JSON.stringify(Buffer.from(`{"$skip":${pages * pageSize}}`).toString("base64"));
    const text = `{"count":${page.length},"data":[\n${page.join(",\n")}\n],"skip_token":${token},"total_records":${total}}\n`;
    const buf = Buffer.from(text, "utf8");
    writeFileSync(join(o.out, "assessments", `page-${String(pages).padStart(6, "0")}.json`), buf);
    jsonBytes += buf.length;
    page = [];
  };
  let n = 0;
  // No format asked (an exemptions-only tenant): skip generating rows nobody writes.
  const rows = formats.length > 0 ? assessmentRows(layout) : [];
  for (const row of rows) {
    const text = JSON.stringify(row);
    jsonl?.write(text + "\n");
    if (formats.includes("json")) {
      page.push(text);
      if (page.length === pageSize) flushPage(n + 1 === total);
    }
    n++;
    if (o.onProgress && n % 10_000 === 0) o.onProgress(n, total);
  }
  if (formats.includes("json")) flushPage(true);
  jsonl?.close();
  o.onProgress?.(n, total);

  const manifest: Manifest = {
    generator: "exemptions-as-code bench:gen",
    version: 1,
    seed: o.seed,
    at: o.at.toISOString(),
    assessments: n,
    exemptions: exemptions.length,
    exemptionsByLevel: byLevel,
    subscriptions: layout.subscriptions.length,
    resourceGroups: layout.subscriptions.reduce((s, x) => s + x.groups.length, 0),
    managementGroups: layout.managementGroups.length,
    resources: layout.units,
    pages,
    pageSize,
    formats,
    bytes: { json: jsonBytes, jsonl: jsonl?.bytes ?? 0 },
  };
  writeFileSync(join(o.out, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
