// The work measured by the benchmark, one mode per child process (so each has its own RSS):
//   parse-jsonl FILE       baseline: read line by line and JSON.parse each line, nothing else
//   parse-json DIR|FILE    baseline: read each page file and JSON.parse it (every row parsed)
//   yaml-load DIR          baseline: read every *.yaml below DIR and js-yaml load it
//   evaluate ARGS…         the library entry `exempt evaluate` uses, with its JSON output, for
//                          builds whose CLI does not register the command yet
// Prints one JSON line {rows} on stdout (evaluate: the report, as the CLI does).

import { createReadStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { load as loadYaml } from "js-yaml";

export async function parseJsonLines(file: string): Promise<number> {
  let rows = 0;
  const lines = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length === 0) continue;
    JSON.parse(line);
    rows++;
  }
  return rows;
}

async function pageFiles(path: string): Promise<string[]> {
  if (path.endsWith(".json")) return [path];
  return (await readdir(path)).filter((n) => n.endsWith(".json")).sort().map((n) => join(path, n));
}

export async function parseJsonPages(path: string): Promise<number> {
  let rows = 0;
  for (const f of await pageFiles(path)) {
    const doc = JSON.parse(await readFile(f, "utf8")) as { data?: unknown[]; value?: unknown[] };
    rows += (doc.data ?? doc.value ?? []).length;
  }
  return rows;
}

async function yamlFiles(dir: string, out: string[] = []): Promise<string[]> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await yamlFiles(p, out);
    else if (e.name.endsWith(".yaml") || e.name.endsWith(".yml")) out.push(p);
  }
  return out;
}

export async function loadYamlFiles(dir: string): Promise<number> {
  const files = (await yamlFiles(dir)).sort();
  for (const f of files) loadYaml(await readFile(f, "utf8"), { filename: f });
  return files.length;
}

async function evaluateViaLibrary(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      exemptions: { type: "string", multiple: true },
      assessments: { type: "string" },
      tree: { type: "string" },
      controls: { type: "string" },
      config: { type: "string" },
      policies: { type: "string" },
      at: { type: "string" },
      format: { type: "string" },
    },
  });
  const { evaluate } = await import("../evaluate/pipeline.js");
  const { formatReport } = await import("../report/format.js");
  const report = await evaluate({
    exemptions: values.exemptions ?? [],
    assessments: values.assessments!,
    tree: values.tree!,
    controls: values.controls!,
    ...(values.config ? { config: values.config } : {}),
    ...(values.policies ? { policies: values.policies } : {}),
    at: new Date(values.at!),
    cwd: process.cwd(),
  });
  process.stdout.write(formatReport(report, "json"));
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  switch (mode) {
    case "parse-jsonl":
      process.stdout.write(JSON.stringify({ rows: await parseJsonLines(rest[0]!) }) + "\n");
      return;
    case "parse-json":
      process.stdout.write(JSON.stringify({ rows: await parseJsonPages(rest[0]!) }) + "\n");
      return;
    case "yaml-load":
      process.stdout.write(JSON.stringify({ rows: await loadYamlFiles(rest[0]!) }) + "\n");
      return;
    case "evaluate":
      await evaluateViaLibrary(rest);
      return;
    default:
      process.stderr.write(`bench child: unknown mode ${mode}\n`);
      process.exitCode = 2;
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname.replace(/\.(js|ts)$/, "") === process.argv[1].replace(/\.(js|ts)$/, "")) {
  await main();
}
