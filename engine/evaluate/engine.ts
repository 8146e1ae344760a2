// Running the policies: a DecisionEngine backed by a compiled Rego policy (PolicyRunner), with
// the policy's output checked before anyone relies on it. The runner that compiles policies/ with
// the project's own Rego→Wasm compiler lives in wasm-runner.ts.

import type {
  ApprovalChange,
  ApprovalResult,
  DecisionBatch,
  DecisionEngine,
  DecisionResult,
  PolicyFinding,
  PolicyRunner,
  ValidationInput,
  ValidationResult,
} from "./types.js";
import { ENTRYPOINTS } from "./types.js";

export class PolicyOutputError extends Error {
  constructor(entrypoint: string, detail: string) {
    super(`policy ${entrypoint} returned an unexpected document: ${detail}`);
  }
}

const STATUSES = new Set(["in_effect", "expired", "canceled", "suspended", "not_yet_effective"]);

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** Check the decision policy's answer; a policy edited into a wrong shape must fail loudly. */
export function checkDecisionResult(v: unknown): DecisionResult {
  const ep = ENTRYPOINTS.decision;
  if (!isObject(v)) throw new PolicyOutputError(ep, "result is not an object (is the entrypoint defined?)");
  if (!isObject(v.decisions)) throw new PolicyOutputError(ep, "decisions is not an object");
  if (!isObject(v.exemption_status)) throw new PolicyOutputError(ep, "exemption_status is not an object");
  for (const [id, d] of Object.entries(v.decisions)) {
    if (!isObject(d) || typeof d.exemption !== "string" || typeof d.scope !== "string" || d.status !== "NotApplicable") {
      throw new PolicyOutputError(ep, `decision ${id} lacks exemption/scope or has a status other than NotApplicable`);
    }
    if (d.others !== undefined && !isStringArray(d.others)) throw new PolicyOutputError(ep, `decision ${id}: others is not a list of names`);
  }
  for (const [name, s] of Object.entries(v.exemption_status)) {
    if (!isObject(s) || typeof s.status !== "string" || !STATUSES.has(s.status)) {
      throw new PolicyOutputError(ep, `exemption ${name} has an unknown status`);
    }
  }
  return v as unknown as DecisionResult;
}

function checkFindings(ep: string, v: unknown, field: string): PolicyFinding[] {
  if (!Array.isArray(v)) throw new PolicyOutputError(ep, `${field} is not a list`);
  return v.map((f, i) => {
    if (!isObject(f) || typeof f.message !== "string") throw new PolicyOutputError(ep, `${field}[${i}] has no message`);
    return {
      name: typeof f.name === "string" ? f.name : "",
      file: typeof f.file === "string" ? f.file : "",
      field: typeof f.field === "string" ? f.field : "",
      message: f.message,
    };
  });
}

export function checkValidationResult(v: unknown): ValidationResult {
  const ep = ENTRYPOINTS.validation;
  if (!isObject(v)) throw new PolicyOutputError(ep, "result is not an object");
  return { deny: checkFindings(ep, v.deny, "deny"), warn: checkFindings(ep, v.warn ?? [], "warn") };
}

export function checkApprovalResult(v: unknown): ApprovalResult {
  const ep = ENTRYPOINTS.approval;
  if (!isObject(v) || !Array.isArray(v.required) || !isStringArray(v.groups)) throw new PolicyOutputError(ep, "expected {required: [...], groups: [...]}");
  const required = v.required.map((r, i) => {
    if (!isObject(r) || typeof r.group !== "string" || typeof r.name !== "string") throw new PolicyOutputError(ep, `required[${i}] lacks group/name`);
    return { group: r.group, name: r.name, reason: typeof r.reason === "string" ? r.reason : "" };
  });
  return { required, groups: v.groups };
}

/** The three policies of policies/, run through one runner. */
export class PolicyEngine implements DecisionEngine {
  constructor(private readonly runner: PolicyRunner) {}

  async decide(batch: DecisionBatch): Promise<DecisionResult> {
    return checkDecisionResult(await this.runner.evaluate(ENTRYPOINTS.decision, batch));
  }

  async validate(input: ValidationInput): Promise<ValidationResult> {
    return checkValidationResult(await this.runner.evaluate(ENTRYPOINTS.validation, input));
  }

  async approve(atMs: number, changes: ApprovalChange[]): Promise<ApprovalResult> {
    return checkApprovalResult(await this.runner.evaluate(ENTRYPOINTS.approval, { at_ms: atMs, changes }));
  }
}
