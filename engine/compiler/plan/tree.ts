// The tree of virtual documents: every rule hangs at the node named by the constant prefix of its
// ref (`a.b[x].c := 1` in package `test` hangs at test.a.b). The planner walks this tree to decide,
// for each `data…` reference, whether it names a rule (call its function), a prefix of rules
// (build the object of everything below, merged with base data) or base data only (plain lookups).

import type { RuleInfo } from "../check/program.js";
import type { Rule, Term } from "../syntax/ast.js";

export interface DocNode {
  /** Path below data, e.g. ["test", "p"]. */
  path: string[];
  children: Map<string, DocNode>;
  /** Rules whose constant ref prefix ends exactly here, in source order. */
  rules: PlacedRule[];
}

export interface PlacedRule {
  info: RuleInfo;
  rule: Rule;
  /** The ref terms after the constant prefix (non-empty for `a.b[x] := …` and partial objects). */
  rest: Term[];
}

/** What the rules at a node build; decides how the node's function is planned. */
export type NodeKind = "none" | "complete" | "set" | "object" | "function";

export function buildTree(rules: Map<string, RuleInfo[]>, packages: string[]): DocNode {
  const root: DocNode = { path: [], children: new Map(), rules: [] };
  for (const pkg of packages) nodeAt(root, pkg.split(".").filter((s) => s.length > 0));
  for (const infos of rules.values()) {
    for (const info of infos) {
      const prefix: string[] = [];
      let i = 0;
      for (; i < info.path.length; i++) {
        const p = info.path[i]!;
        if (typeof p === "string") prefix.push(p);
        else if (p.type === "string") prefix.push(p.value);
        else break;
      }
      const rest = info.path.slice(i).map((p) => (typeof p === "string" ? strTerm(p, info.rule) : p));
      nodeAt(root, prefix).rules.push({ info, rule: info.rule, rest });
    }
  }
  return root;
}

function strTerm(value: string, rule: Rule): Term {
  return { type: "string", value, raw: false, loc: rule.loc };
}

function nodeAt(root: DocNode, path: string[]): DocNode {
  let n = root;
  for (const seg of path) {
    let c = n.children.get(seg);
    if (!c) {
      c = { path: [...n.path, seg], children: new Map(), rules: [] };
      n.children.set(seg, c);
    }
    n = c;
  }
  return n;
}

export function nodeKind(n: DocNode): NodeKind {
  if (n.rules.length === 0) return "none";
  let kind: NodeKind = "complete";
  for (const r of n.rules) {
    if (r.rule.kind === "function") return "function";
    // Partial sets under a ref with variables (`a[x] contains y`) build objects of sets.
    if (r.rule.kind === "partial-set" && r.rest.length === 0) kind = "set";
    else if (r.rest.length > 0 && kind !== "set") kind = "object";
  }
  return kind;
}

/** The node at a path, or undefined when no rule lives at or below it. */
export function lookup(root: DocNode, path: string[]): DocNode | undefined {
  let n: DocNode | undefined = root;
  for (const seg of path) {
    n = n.children.get(seg);
    if (!n) return undefined;
  }
  return n;
}
