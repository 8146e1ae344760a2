// Running the CLI in tests: in-process through main() with captured output, or as the real bin.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../engine/cli/main.js";
import type { CliIO } from "../../engine/cli/io.js";

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runMain(argv: string[], options: { cwd: string; isTTY?: boolean; env?: Record<string, string>; now?: Date }): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    now: () => options.now ?? new Date("2026-11-22T12:00:00Z"),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const REPO = process.cwd();
export const BIN = join(REPO, "bin", "exempt.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return newest;
}

/** Build with tsc when build/ is missing or older than the CLI's sources. */
export function ensureBuilt(): void {
  const built = join(REPO, "build", "engine", "cli", "main.js");
  const sources = ["cli", "exemptions", "scope", "schema"].map((d) => newestSource(join(REPO, "engine", d)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  // Other areas may have type errors while in progress; tsc still emits, so only the output counts.
  spawnSync(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", join(REPO, "tsconfig.json")], { stdio: "ignore" });
  if (!existsSync(built)) throw new Error("build/engine/cli/main.js is missing after tsc");
}

/** Run the real `bin/exempt.js` in a child process. */
export function runBin(argv: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
