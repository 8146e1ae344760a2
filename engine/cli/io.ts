// What a CLI run may touch of its surroundings, passed in so tests can capture output and choose
// the working directory without spawning a process.

export interface CliIO {
  /** Write to standard output (text as is, no newline added). */
  readonly out: (text: string) => void;
  /** Write to standard error. */
  readonly err: (text: string) => void;
  /** Working directory for relative paths. */
  readonly cwd: string;
  /** Whether standard output is a terminal (colour is used only then). */
  readonly isTTY: boolean;
  /** Environment variables (for NO_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The current time; read only at this edge, then passed down as `at`. */
  readonly now: () => Date;
}

export function processIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    now: () => new Date(),
  };
}

/** Thrown by command code for a usage error (exit code 2) with a message for stderr. */
export class UsageError extends Error {}

/** Exit codes shared by all commands. */
export const EXIT = Object.freeze({ ok: 0, invalid: 1, usage: 2 });
