// Property test of the streaming row scanner: for 3000 random pages (rows of random JSON with
// strings full of quotes, backslashes, brackets, "data"/"value" keys and multi-byte characters,
// other top-level keys before and after the rows, pretty or compact, bare arrays), split into
// random chunk sizes, the scanner yields exactly the rows JSON.parse sees, and no problem.
// Deterministic (fixed seed).
import { it, expect } from "vitest";
import { RowScanner } from "../../engine/inputs/json-stream.js";
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
function str(): string { let s = ""; const n = Math.floor(rnd() * 8); for (let i = 0; i < n; i++) s += pick(["a", "\"", "\\", "[", "]", "{", "}", ",", ":", "\n", "é", "漢", "😀", "data", "value", " ", "\t", "\u0001"]); return s; }
function val(d: number): unknown { const r = rnd(); if (d > 3 || r < 0.3) return pick([str(), 1, -2.5e3, true, null, false]); if (r < 0.65) { const o: Record<string, unknown> = {}; const n = Math.floor(rnd() * 4); for (let i = 0; i < n; i++) o[pick(["data", "value", str()])] = val(d + 1); return o; } return Array.from({ length: Math.floor(rnd() * 4) }, () => val(d + 1)); }
it("yields exactly the rows of random pages, whatever the chunk boundaries", () => {
  let bad = 0;
  for (let t = 0; t < 3000; t++) {
    const rows = Array.from({ length: Math.floor(rnd() * 5) }, () => val(0));
    const key = pick(["data", "value"]);
    const before: Record<string, unknown> = {}; const nb = Math.floor(rnd() * 3); for (let i = 0; i < nb; i++) before[pick(["count", "skip", str(), "x"])] = val(1);
    const doc: Record<string, unknown> = { ...before, [key]: rows, after: val(1) };
    const pretty = rnd() < 0.5;
    const text = pick([JSON.stringify(doc, null, pretty ? 2 : undefined), JSON.stringify(rows)]);
    const buf = Buffer.from(text, "utf8");
    const s = new RowScanner(); const got: string[] = [];
    const size = 1 + Math.floor(rnd() * 20);
    for (let i = 0; i < buf.length; i += size) got.push(...s.push(Buffer.from(buf.subarray(i, i + size))).map((r) => r.text));
    const probs = s.end();
    const want = rows.map((r) => JSON.stringify(r));
    const gotN = got.map((g) => { try { return JSON.stringify(JSON.parse(g)); } catch { return "BAD:" + g; } });
    if (JSON.stringify(gotN) !== JSON.stringify(want) || probs.length) { if (bad++ < 3) console.log(JSON.stringify({ text, gotN, want, probs, size })); }
  }
  expect(bad).toBe(0);
});
