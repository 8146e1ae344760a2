// Running one measured child process: wall time from spawn to exit (measured here), peak RSS and
// CPU time as the child reports them (usage-hook.ts), stdout kept in a file for the caller.

import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

export interface Measurement {
  label: string;
  wallMs: number;
  maxRssKB: number | null;
  cpuMs: number | null;
  exitCode: number | null;
  /** File holding the child's stdout. */
  stdoutFile: string;
  stderr: string;
  timedOut: boolean;
}

export interface ChildSpec {
  label: string;
  /** Node flags before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  script: string;
  args: string[];
  cwd: string;
  /** Where the child's stdout and usage files go. */
  workDir: string;
  hook: string;
  /** Kill the child after this long (ms); the measurement then says timedOut. */
  timeoutMs?: number;
}

export function runMeasured(spec: ChildSpec): Promise<Measurement> {
  const safe = spec.label.replace(/[^a-z0-9.-]+/gi, "_");
  const usageFile = join(spec.workDir, `${safe}.usage.json`);
  const stdoutFile = join(spec.workDir, `${safe}.stdout`);
  rmSync(usageFile, { force: true });
  const out = openSync(stdoutFile, "w");
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), "--import", spec.hook, spec.script, ...spec.args], {
      cwd: spec.cwd,
      stdio: ["ignore", out, "pipe"],
      env: { ...process.env, BENCH_USAGE_FILE: usageFile, FORCE_COLOR: "0" },
    });
    let stderr = "";
    let timedOut = false;
    const timer = spec.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, spec.timeoutMs)
      : null;
    child.stderr!.on("data", (d: Buffer) => {
      // Keep the end: that is where an error is.
      stderr = (stderr + d.toString("utf8")).slice(-8000);
    });
    child.on("error", (e) => {
      closeSync(out);
      reject(e);
    });
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      if (timer) clearTimeout(timer);
      closeSync(out);
      let usage: { maxRssKB?: number; userMs?: number; systemMs?: number } = {};
      if (existsSync(usageFile)) {
        try {
          usage = JSON.parse(readFileSync(usageFile, "utf8")) as typeof usage;
        } catch {
          usage = {};
        }
      }
      resolve({
        label: spec.label,
        wallMs,
        maxRssKB: usage.maxRssKB ?? null,
        cpuMs: usage.userMs !== undefined && usage.systemMs !== undefined ? usage.userMs + usage.systemMs : null,
        exitCode: code,
        stdoutFile,
        stderr,
        timedOut,
      });
    });
  });
}
