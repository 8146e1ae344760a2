// The runner's file-and-environment protocol: inputs arrive as INPUT_<NAME> variables, outputs and
// the job summary are appended to the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and
// log lines/annotations go to stdout as workflow commands.
import { appendFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { annotationCommand, escapeData, type CommandAnnotation } from "../checks/workflow-commands.js";

export type Env = Record<string, string | undefined>;

/** The runner upper-cases the name and turns spaces into underscores; hyphens stay. */
export function readInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

/** GitHub's job summary is capped at 1 MiB per step. */
export const SUMMARY_LIMIT = 1024 * 1024;

export interface Runner {
  setOutput(name: string, value: string | number): void;
  appendSummary(markdown: string): void;
  annotate(a: CommandAnnotation): void;
  info(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
  failed: boolean;
}

export function fileRunner(env: Env, write: (line: string) => void = (l) => process.stdout.write(l + "\n")): Runner {
  const runner: Runner = {
    failed: false,
    setOutput(name, value) {
      const file = env["GITHUB_OUTPUT"];
      const text = String(value);
      if (!file) return write(`::set-output name=${name}::${escapeData(text)}`);
      // Heredoc form with a random delimiter, so a value can never end the block early.
      const delimiter = `ghadelimiter_${randomUUID()}`;
      appendFileSync(file, `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
    },
    appendSummary(markdown) {
      const file = env["GITHUB_STEP_SUMMARY"];
      if (!file) return;
      const text = markdown.length > SUMMARY_LIMIT - 1024 ? markdown.slice(0, SUMMARY_LIMIT - 1024) + "\n\n… truncated (GitHub keeps 1 MiB of summary per step)\n" : markdown;
      appendFileSync(file, text + "\n");
    },
    annotate(a) { write(annotationCommand(a)); },
    info(message) { write(escapeData(message).replace(/^::/, ":\u200b:")); },
    warning(message) { write(annotationCommand({ level: "warning", message })); },
    setFailed(message) {
      runner.failed = true;
      write(annotationCommand({ level: "error", message }));
    },
  };
  return runner;
}
