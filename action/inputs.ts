// The action's inputs (action.yml), read and checked once. Errors are collected, not thrown.
import { readInput, type Env } from "./runner/io.js";
import { COMMENT_MODES, type CommentMode } from "./github/sticky-comment.js";

const FAIL_ON = ["error", "warning", "never"] as const;

export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  token: string;
  workingDirectory: string;
  exemptions: string;
  assessments: string;
  tree: string;
  controls: string;
  metadata?: string;
  policies?: string;
  config?: string;
  commentMode: CommentMode;
  failOn: FailOn;
  expiringWithinDays: number;
  approval: boolean;
  eventPath?: string;
}

export function readInputs(env: Env): { inputs: ActionInputs; errors: string[] } {
  const errors: string[] = [];
  const get = (name: string, fallback = ""): string => readInput(env, name) || fallback;
  const optional = (name: string): string | undefined => readInput(env, name) || undefined;
  const commentMode = get("comment-mode", "update") as CommentMode;
  if (!COMMENT_MODES.includes(commentMode)) errors.push(`comment-mode must be one of ${COMMENT_MODES.join(", ")}, not "${commentMode}"`);
  const failOn = get("fail-on", "error") as FailOn;
  if (!FAIL_ON.includes(failOn)) errors.push(`fail-on must be error, warning or never, not "${failOn}"`);
  const days = Number(get("expiring-within-days", "30"));
  if (!Number.isInteger(days) || days < 0) errors.push(`expiring-within-days must be a whole number of days, not "${get("expiring-within-days")}"`);
  const approval = get("approval", "true").toLowerCase();
  if (!["true", "false"].includes(approval)) errors.push(`approval must be true or false, not "${approval}"`);
  const required = (name: string): string => {
    const v = readInput(env, name);
    if (!v) errors.push(`input ${name} is required`);
    return v;
  };
  const metadata = optional("metadata");
  const policies = optional("policies");
  const config = optional("config");
  const eventPath = optional("event-path");
  return {
    inputs: {
      token: get("token", env["GITHUB_TOKEN"] ?? ""),
      workingDirectory: get("working-directory", env["GITHUB_WORKSPACE"] ?? process.cwd()),
      exemptions: get("exemptions", "exemptions"),
      assessments: required("assessments"),
      tree: required("tree"),
      controls: required("controls"),
      ...(metadata ? { metadata } : {}),
      ...(policies ? { policies } : {}),
      ...(config ? { config } : {}),
      commentMode, failOn, expiringWithinDays: days, approval: approval === "true",
      ...(eventPath ? { eventPath } : {}),
    },
    errors,
  };
}
