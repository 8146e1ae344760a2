// Robustness: malformed and hostile input yields parse errors, never exceptions or hangs, and
// every error location points into the text, with line and column matching the offset.

import { describe, expect, test } from "vitest";
import { parseModule, parseQuery } from "../../../engine/compiler/syntax/index.js";
import { parseModuleWith } from "../../../engine/compiler/syntax/module.js";

const SEED_MODULE = `package fuzz

import rego.v1

# METADATA
# title: allow
default allow := false

allow if {
  some x in input.items
  x.kind == "a\\u00e9"
  count([y | some y in x.tags; startswith(y, "t")]) > 1
  not deny[x.id]
  obj := {"a": x.a, "b": [1, 2.5, -3], "c": {z | z := x.c[_]}}
  every k, v in obj { k != v }
} else := true if input.force with input.y as 1

deny contains id if { some id, v in data.d; v.level >= 3 * (2 + 1) }

f(a, [b, c]) := a + b * c if { a > 0 } else := 0
p[k] := \`raw\` if k := "x"
`;

const FRAGMENTS = ["{", "}", "[", "]", "(", ")", ",", ":", ";", ":=", "=", "|", "if", "else", "not", "some",
  "every", "in", "with", "as", "contains", "default", "\"", "`", "#", "\n", " ", "0", "1e", ".", "-", "_", "@"];

/** A small deterministic PRNG (mulberry32) so that failures reproduce. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, rnd: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * s.length);
    const kind = rnd();
    if (kind < 0.4) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 5));
    else s = s.slice(0, at) + (FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)] ?? "") + s.slice(at);
  }
  return s;
}

function checkLocation(text: string, loc: { line: number; col: number; offset: number } | null): void {
  if (!loc) return;
  expect(loc.offset).toBeGreaterThanOrEqual(0);
  expect(loc.offset).toBeLessThanOrEqual(text.length);
  const before = text.slice(0, loc.offset);
  const line = before.split("\n").length;
  const col = loc.offset - (before.lastIndexOf("\n") + 1) + 1;
  expect({ line: loc.line, col: loc.col }).toEqual({ line, col });
}

describe("robustness", () => {
  test("the seed module parses", () => {
    const r = parseModule("fuzz.rego", SEED_MODULE);
    expect(r.ok ? "ok" : r.errors).toBe("ok");
  });

  test("random edits of a module give a module or located errors", () => {
    const rnd = prng(20261122);
    let failed = 0;
    for (let i = 0; i < 800; i++) {
      const text = mutate(SEED_MODULE, rnd);
      const r = parseModule("fuzz.rego", text);
      // The parser's shortcut for `if { … }` must not change any result, good or bad.
      expect(JSON.stringify(parseModuleWith("fuzz.rego", text, false))).toBe(JSON.stringify(r));
      if (!r.ok) {
        failed++;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.code).toBe("rego_parse_error");
          expect(e.message.length).toBeGreaterThan(0);
          checkLocation(text, e.location);
        }
      }
    }
    // Most random edits break the module; if none did, the mutation would be doing nothing.
    expect(failed).toBeGreaterThan(250);
  });

  test("the `if { … }` shortcut agrees with the full grammar on random bodies", () => {
    // Single tokens and a few well-formed pieces, so that comprehensions, objects and
    // multi-line bodies come up often.
    const parts = ["x", "1", '"s"', "[", "]", "{", "}", "(", ")", ",", ":", "|", "+", "-", "==", ":=", "=", "in",
      "not", "some", "\n", ";", "true", "f(x)", "y.z", "every", "x |", "k: v |", "y := 1", "some z in w",
      "x\ny", "a, b", '"k": 1'];
    const rnd = prng(7);
    let literals = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rnd() * 8);
      const inner = Array.from({ length: n }, () => parts[Math.floor(rnd() * parts.length)]).join(" ");
      const text = `package p\np if { ${inner} }\n`;
      const fast = parseModule("b.rego", text);
      expect(JSON.stringify(parseModuleWith("b.rego", text, false)), text).toBe(JSON.stringify(fast));
      if (fast.ok && fast.value.rules[0]?.body.length === 1) literals++;
    }
    // Some of the random bodies parse; the comparison is not only between two errors.
    expect(literals).toBeGreaterThan(50);
  });

  test("deep nesting is an error, not a stack overflow", () => {
    for (const text of [
      `x := ${"(".repeat(5000)}1${")".repeat(5000)}`,
      `x := ${"[".repeat(5000)}${"]".repeat(5000)}`,
      `x := ${"{".repeat(5000)}${"}".repeat(5000)}`,
      `x := ${"-".repeat(5000)}y`,
      `${"every x in y {".repeat(3000)}true${"}".repeat(3000)}`,
    ]) {
      const r = parseQuery(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]?.message).toBe("max parsing recursion depth exceeded");
    }
    const elses = parseModule("e.rego", `package p\np := 1 if false${" else := 2 if false".repeat(5000)}`);
    expect(elses.ok).toBe(false);
  });

  test("long flat inputs are fine: call chains, operator chains, many rules", () => {
    expect(parseQuery(`x := f(1)${".a(1)".repeat(5000)}`).ok).toBe(true);
    expect(parseQuery(`x := 1${" + 1".repeat(20000)}`).ok).toBe(true);
    expect(parseQuery(`x := [${Array.from({ length: 20000 }, (_, i) => i).join(", ")}]`).ok).toBe(true);
  });
});
