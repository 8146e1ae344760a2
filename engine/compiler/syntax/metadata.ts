// METADATA annotations: `# METADATA` comment blocks holding YAML, attached to the package or rule
// that follows them (OPA's rules: a block is the `# METADATA` line plus the comments on the
// directly following lines that start in column 1; its scope defaults to the kind of the next
// statement).

import { load } from "js-yaml";
import type { CompileError } from "../errors.js";
import type { Annotations, Location } from "./ast.js";

export interface CommentLike {
  text: string;
  loc: Location;
}

export interface MetadataBlock {
  loc: Location;
  yaml: string;
  /** Line of the last comment of the block. */
  endLine: number;
}

/** Groups comments into METADATA blocks. */
export function findMetadataBlocks(comments: CommentLike[]): MetadataBlock[] {
  const blocks: MetadataBlock[] = [];
  let current: { loc: Location; lines: string[]; endLine: number } | null = null;
  let prevLine = -1;
  const flush = () => {
    if (current) blocks.push({ loc: current.loc, yaml: current.lines.join(""), endLine: current.endLine });
    current = null;
  };
  for (const c of comments) {
    if (current && c.loc.line === prevLine + 1 && c.loc.col === 1) {
      current.lines.push(`${c.text.startsWith(" ") ? c.text.slice(1) : c.text}\n`);
      current.endLine = c.loc.line;
      prevLine = c.loc.line;
      continue;
    }
    flush();
    if (c.text.trim().startsWith("METADATA")) current = { loc: c.loc, lines: [], endLine: c.loc.line };
    prevLine = c.loc.line;
  }
  flush();
  return blocks;
}

const SCOPES = ["rule", "document", "package", "subpackages"] as const;
type Scope = (typeof SCOPES)[number];

/** Parses one block's YAML; the scope is left null when the block does not name one. */
export function parseMetadataBlock(block: MetadataBlock): { ok: true; value: Annotations; scope: string | null } | { ok: false; error: CompileError } {
  const fail = (message: string) => ({ ok: false as const, error: { code: "rego_parse_error" as const, message, location: block.loc } });
  if (block.yaml.trim() === "") return fail("expected METADATA block, found whitespace");
  let doc: unknown;
  try {
    doc = load(block.yaml);
  } catch (e) {
    const reason = e instanceof Error ? (e.message.split("\n")[0] ?? e.message) : String(e);
    return fail(`invalid METADATA block: ${reason}`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return fail("invalid METADATA block: expected a YAML mapping");
  }
  const { scope, title, description, entrypoint, ...other } = doc as Record<string, unknown>;
  if (scope !== undefined && typeof scope !== "string") return fail("invalid METADATA block: scope must be a string");
  if (title !== undefined && typeof title !== "string") return fail("invalid METADATA block: title must be a string");
  if (description !== undefined && typeof description !== "string") {
    return fail("invalid METADATA block: description must be a string");
  }
  if (entrypoint !== undefined && typeof entrypoint !== "boolean") {
    return fail("invalid METADATA block: entrypoint must be a boolean");
  }
  const value: Annotations = { scope: null, other, loc: block.loc };
  if (title !== undefined) value.title = title;
  if (description !== undefined) value.description = description;
  if (entrypoint !== undefined) value.entrypoint = entrypoint;
  return { ok: true, value, scope: scope ?? null };
}

export type AttachTarget = "package" | "rule" | "import" | null;

/**
 * Decides the scope of an annotation given what follows it, or explains why it cannot apply.
 * `written` is the scope the block names (null when none).
 */
export function resolveScope(
  written: string | null,
  target: AttachTarget,
  entrypoint: boolean,
): { ok: true; scope: Scope } | { ok: false; message: string } {
  if (written === null && target === null) {
    return { ok: false, message: "METADATA block is not followed by a package or rule" };
  }
  const scope = written ?? (target === "rule" ? "rule" : target === "package" ? "package" : (target ?? ""));
  const have = target ? ` (have ${target})` : "";
  if (!(SCOPES as readonly string[]).includes(scope)) {
    return {
      ok: false,
      message: `invalid annotation scope '${scope}'. Use one of 'rule', 'document', 'package', or 'subpackages'`,
    };
  }
  const s = scope as Scope;
  if ((s === "rule" || s === "document") && target !== "rule") {
    return { ok: false, message: `annotation scope '${s}' must be applied to rule${have}` };
  }
  if ((s === "package" || s === "subpackages") && target !== "package") {
    return { ok: false, message: `annotation scope '${s}' must be applied to package${have}` };
  }
  if (entrypoint && s !== "rule" && s !== "package") {
    return { ok: false, message: `annotation entrypoint applied to non-rule or package scope '${s}'` };
  }
  return { ok: true, scope: s };
}
