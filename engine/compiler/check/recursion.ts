// Recursion check: a rule (or function) may not depend on itself, directly or through other rules,
// including through references to virtual documents that contain it (`data.test` depends on every
// rule below `test`). Runs on resolved modules, where every rule reference starts with `data`.

import type { CompileError } from "../errors.js";
import type { Rule, Term } from "../syntax/ast.js";
import type { RuleInfo } from "./program.js";
import { forEachTerm, forEachTermInBody } from "./terms.js";

/** Rule keys arranged by their constant path parts: a rule sits at the node of its key (the
 *  parts up to its first variable part; whatever follows is inside the rule's value). */
interface TrieNode {
  children: Map<string, TrieNode>;
  rules: string[];
  subtree?: string[];
}

function buildTrie(rules: Map<string, RuleInfo[]>): TrieNode {
  const root: TrieNode = { children: new Map(), rules: [] };
  for (const key of rules.keys()) {
    let node = root;
    for (const part of key.split(".")) {
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = { children: new Map(), rules: [] }));
      node = next;
    }
    node.rules.push(key);
  }
  return root;
}

function subtree(node: TrieNode): string[] {
  if (!node.subtree) node.subtree = [...node.rules, ...[...node.children.values()].flatMap(subtree)];
  return node.subtree;
}

/** Adds the keys of the rules the ref `data.<parts>` may read: rules on its path (it reads inside
 *  them) and every rule below where it ends (it reads a virtual document containing them).
 *  Non-constant parts match any name. */
function reach(node: TrieNode, parts: Term[], i: number, out: Set<string>): void {
  if (i === parts.length) {
    for (const k of subtree(node)) out.add(k);
    return;
  }
  for (const k of node.rules) out.add(k);
  const part = parts[i]!;
  if (part.type === "string") {
    const next = node.children.get(part.value);
    if (next) reach(next, parts, i + 1, out);
  } else if (part.type === "var" || part.type === "ref" || part.type === "call") {
    for (const next of node.children.values()) reach(next, parts, i + 1, out);
  }
  // Numbers, booleans, composites: never a rule name.
}

function dataRefs(rule: Rule): Term[][] {
  const refs: Term[][] = [];
  const visit = (t: Term) => {
    if (t.type === "ref") {
      const head = t.terms[0];
      if (head?.type === "var" && head.name === "data") refs.push(t.terms.slice(1));
    }
  };
  for (let r: Rule | null = rule; r; r = r.else) {
    r.head.ref.slice(1).forEach((t) => forEachTerm(t, visit));
    if (r.head.key) forEachTerm(r.head.key, visit);
    if (r.head.value) forEachTerm(r.head.value, visit);
    r.head.args?.forEach((t) => forEachTerm(t, visit));
    forEachTermInBody(r.body, visit);
  }
  return refs;
}

export function checkRecursion(rules: Map<string, RuleInfo[]>, errors: CompileError[]): void {
  const keys = [...rules.keys()];
  const trie = buildTrie(rules);
  const edges = new Map<string, Set<string>>();
  for (const key of keys) {
    const out = new Set<string>();
    for (const info of rules.get(key)!) {
      for (const parts of dataRefs(info.rule)) reach(trie, parts, 0, out);
    }
    edges.set(key, out);
  }

  // Tarjan's strongly connected components; a component is recursive when it has a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cyclic = new Set<string>();
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || edges.get(v)!.has(v)) for (const c of comp) cyclic.add(c);
    }
  };
  for (const k of keys) if (!idx.has(k)) strong(k);

  for (const key of keys) {
    if (!cyclic.has(key)) continue;
    const cycle = findCycle(key, edges, cyclic);
    const info = rules.get(key)![0]!;
    // OPA names rules by their ref within the package: `rule p is recursive: p -> q -> p`.
    const short = (k: string) => {
      const i = rules.get(k)![0]!;
      const pkg = i.module.package.path.join(".");
      return k.startsWith(pkg + ".") ? k.slice(pkg.length + 1) : k;
    };
    errors.push({
      code: "rego_recursion_error",
      message: `rule ${short(key)} is recursive: ${cycle.map(short).join(" -> ")}`,
      location: info.rule.loc,
      rule: key,
    });
  }
}

/** The shortest path from key back to itself (breadth-first, within the cyclic rules). */
function findCycle(key: string, edges: Map<string, Set<string>>, cyclic: Set<string>): string[] {
  const prev = new Map<string, string>();
  const queue: string[] = [key];
  const seen = new Set<string>([key]);
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v)!) {
      if (!cyclic.has(w)) continue;
      if (w === key) {
        const chain: string[] = [];
        for (let c = v; c !== key; c = prev.get(c)!) chain.unshift(c);
        return [key, ...chain, key];
      }
      if (!seen.has(w)) {
        seen.add(w);
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [key, key];
}
