// Runs the bundled action (dist/index.js) the way the GitHub runner does: a child process with
// INPUT_* variables (defaults from action.yml, as the runner applies them), the event payload in
// GITHUB_EVENT_PATH, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { load } from "js-yaml";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const DIST = join(ROOT, "dist/index.js");

export interface DistRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

/** Parses the heredoc form the action writes (name<<DELIM\nvalue\nDELIM). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

function actionDefaults(): Record<string, string> {
  const doc = load(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.inputs)) {
    // Expressions such as ${{ github.token }} are the runner's to evaluate; tests pass the token.
    if (spec.default !== undefined && !String(spec.default).includes("${{")) env[`INPUT_${name.toUpperCase()}`] = String(spec.default);
  }
  return env;
}

export async function runDist(opts: {
  tmp: string; event: string; payload: unknown; repository: string; workspace: string; apiUrl: string; token: string;
  inputs: Record<string, string>; id: string;
}): Promise<DistRun> {
  if (!existsSync(DIST)) throw new Error("dist/index.js is missing: run npm run bundle");
  const eventPath = join(opts.tmp, `event-${opts.id}.json`);
  const outputFile = join(opts.tmp, `output-${opts.id}`);
  const summaryFile = join(opts.tmp, `summary-${opts.id}`);
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const inputs: Record<string, string> = { ...actionDefaults(), INPUT_TOKEN: opts.token };
  for (const [k, v] of Object.entries(opts.inputs)) inputs[`INPUT_${k.toUpperCase()}`] = v;
  const env = {
    PATH: process.env["PATH"] ?? "", HOME: opts.tmp, CI: "true", GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: opts.event, GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: opts.repository,
    GITHUB_WORKSPACE: opts.workspace, GITHUB_API_URL: opts.apiUrl, GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242", GITHUB_SHA: "", GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: opts.tmp, ...inputs,
  };
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [DIST], { cwd: opts.workspace, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on("data", (c: Buffer) => { stderr += c.toString(); });
    child.on("error", fail);
    child.on("close", (code) => done({
      code, stdout, stderr, ms: Date.now() - started,
      outputs: parseOutputs(readFileSync(outputFile, "utf8")),
      summary: readFileSync(summaryFile, "utf8"),
    }));
  });
}
