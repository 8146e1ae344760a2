// The performance changes made from the benchmark's measurements keep every answer the same:
// the sliced resource chain equals the parsed one, and the decider gives the same decisions when
// fed pre-filtered chains.
import { describe, expect, it } from "vitest";
import { BatchDecider } from "../../engine/evaluate/decider.js";
import { commonResourceChain, resourceChain } from "../../engine/evaluate/policy-input.js";
import type { Decision, DecisionBatch, DecisionEngine, DecisionResult, PolicyExemption } from "../../engine/evaluate/types.js";
import { ancestry, parseScope } from "../../engine/scope/index.js";

const SUB = "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23";

function parsedChain(key: string): string[] {
  const p = parseScope(key);
  if (!p.ok) throw new Error(p.error.message);
  return ancestry(p.scope).map((s) => s.key);
}

describe("resource chain fast path", () => {
  const common = [
    `${SUB}/resourcegroups/myrg/providers/microsoft.compute/virtualmachines/vm1`,
    `${SUB}/resourcegroups/rg-a.b_(c)/providers/microsoft.sql/servers/s1/databases/db1`,
    `${SUB}/resourcegroups/r/providers/microsoft.network/virtualnetworks/v/subnets/s/ipconfigurations/x.y`,
    `${SUB}/resourcegroups/r/providers/microsoft.web/sites/app/slots/providers`,
  ];
  it.each(common)("slices %s into the parser's chain", (key) => {
    expect(commonResourceChain(key)).toEqual(parsedChain(key));
  });

  const other = [
    `${SUB}`,
    `${SUB}/resourcegroups/r`,
    `${SUB}/providers/microsoft.security/pricings/vms`,
    `${SUB}/resourcegroups/r/providers/microsoft.compute/virtualmachines/vm/providers/microsoft.guestconfiguration/assignments/a`,
    `${SUB}/resourcegroups/r/providers/microsoft.compute/virtualmachines/vm name`,
    `${SUB}/resourcegroups/r/providers/microsoft.compute/virtualmachines`,
    `/subscriptions/not-a-guid/resourcegroups/r/providers/microsoft.compute/virtualmachines/vm`,
    `${SUB}/resourcegroups/r./providers/microsoft.compute/virtualmachines/vm`,
  ];
  it.each(other)("leaves %s to the parser", (key) => {
    expect(commonResourceChain(key)).toBeNull();
  });

  it("gives resourceChain the same result either way, management groups included", () => {
    const tree = {
      subscriptions: new Map([["20ff7fc3-e762-44dd-bd96-b71116dcdc23", { id: "20ff7fc3-e762-44dd-bd96-b71116dcdc23", displayName: null, ancestors: ["prod", "root"] }]]),
      managementGroups: new Map([["prod", ["root"]], ["root", []]]),
      managementGroupNames: new Map(),
      skippedRows: 0,
    };
    for (const key of [...common, `${SUB}/resourcegroups/r/providers/microsoft.compute/virtualmachines/vm/providers/microsoft.guestconfiguration/assignments/a`]) {
      const r = resourceChain(key, "20ff7fc3-e762-44dd-bd96-b71116dcdc23", tree);
      expect(r.malformed).toBeNull();
      expect(r.chain).toEqual([...parsedChain(key), "/providers/microsoft.management/managementgroups/prod", "/providers/microsoft.management/managementgroups/root"]);
    }
    const bad = resourceChain(`${SUB}/resourcegroups/r/providers/x/y`, "20ff7fc3-e762-44dd-bd96-b71116dcdc23", tree);
    expect(bad.malformed).not.toBeNull();
  });
});

describe("decider with pre-filtered chains", () => {
  // A stand-in policy with the decision rule's precedence: global, else nearest scope, then name.
  const policy: DecisionEngine = {
    async decide(b: DecisionBatch): Promise<DecisionResult> {
      const decisions: Record<string, Decision> = {};
      for (const a of b.assessments) {
        const c = b.exemptions
          .filter((e) => e.recommendations.includes(a.key))
          .flatMap((e) => e.scopes.map((s) => ({ e, s, r: s === "global" ? -1 : a.chain.indexOf(s) })))
          .filter((x) => x.r >= -1 && !(x.r === -1 && x.s !== "global"))
          .sort((x, y) => x.r - y.r || (x.e.name < y.e.name ? -1 : 1));
        if (c[0]) decisions[a.id] = { exemption: c[0].e.name, scope: c[0].s, rank: c[0].r, status: "NotApplicable", cause: "Exempt", reason: "", others: [] };
      }
      return { decisions, exemption_status: {} };
    },
  };
  const ex = (name: string, keys: string[], scopes: string[]): PolicyExemption => ({ name, recommendations: keys, scopes, category: "waiver", justification: "risk_accepted", expires_ms: null, status: "active" });
  const rg = `${SUB}/resourcegroups/rg1`;
  const exemptions = [ex("a", ["k1"], [rg]), ex("b", ["k1", "k2"], [SUB]), ex("c", ["k2"], [`${rg}/providers/microsoft.compute/virtualmachines/vm3`]), ex("g", ["k3"], ["global"])];
  const rows = ["vm1", "vm2", "vm3", "vm4"].flatMap((vm, i) =>
    ["k1", "k2", "k3", "k4"].map((k) => ({ id: `${vm}/${k}`, key: k, chain: [`${i % 2 ? rg : `${SUB}/resourcegroups/rg2`}/providers/microsoft.compute/virtualmachines/${vm}`, i % 2 ? rg : `${SUB}/resourcegroups/rg2`, SUB, "/providers/microsoft.management/managementgroups/prod"] })),
  );

  async function run(prefilter: boolean): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const d = new BatchDecider<string>(policy, 0, exemptions, (row, dec) => out.set(row, dec ? `${dec.exemption}@${dec.scope}` : null), 3);
    for (const r of rows) {
      const p = d.add(r.id, r.key, prefilter ? d.namedScopes(r.chain) : r.chain);
      if (p) await p;
    }
    await d.flush();
    return out;
  }

  it("answers every row as with the whole chain", async () => {
    const whole = await run(false);
    const filtered = await run(true);
    expect(filtered).toEqual(whole);
    expect(whole.size).toBe(rows.length);
    // And the answers are the expected ones, not all null.
    expect(whole.get("vm2/k1")).toBe(`a@${rg}`);
    expect(whole.get("vm1/k1")).toBe(`b@${SUB}`);
    expect(whole.get("vm3/k3")).toBe("g@global");
    expect(whole.get("vm4/k4")).toBeNull();
  });
});

describe("JSON Lines reader (own line splitting)", () => {
  it("reads CRLF, a BOM, blank lines, page lines, a last line without newline, and multi-byte text across 1 MB chunks", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { readRows } = await import("../../engine/inputs/rows.js");
    const { IssueLog } = await import("../../engine/inputs/issues.js");
    const dir = mkdtempSync(join(tmpdir(), "jsonl-"));
    try {
      // Lines of ~1000 bytes with "é" (2 bytes in UTF-8) so some fall across the 1 MB chunk edge.
      const lines: string[] = [];
      for (let i = 0; i < 2500; i++) lines.push(JSON.stringify({ i, pad: "é".repeat(250 + (i % 7)) }));
      const text = "\uFEFF" + lines.slice(0, 3).join("\r\n") + "\r\n\r\n   \n" + JSON.stringify({ data: [{ p: 1 }, { p: 2 }] }) + "\n{broken\n" + lines.slice(3).join("\n");
      const file = join(dir, "rows.jsonl");
      writeFileSync(file, text);
      const log = new IssueLog();
      const got: { value: unknown; line: number; index: number }[] = [];
      for await (const r of readRows(file, "assessments", log)) got.push({ value: r.value, line: r.line, index: r.index });
      expect(got).toHaveLength(2500 + 2);
      expect(got[0]).toEqual({ value: JSON.parse(lines[0]!), line: 1, index: 0 });
      expect(got[2]).toEqual({ value: JSON.parse(lines[2]!), line: 3, index: 2 });
      expect(got[3]).toEqual({ value: { p: 1 }, line: 6, index: 0 });
      expect(got[4]).toEqual({ value: { p: 2 }, line: 6, index: 1 });
      expect(got[5]).toEqual({ value: JSON.parse(lines[3]!), line: 8, index: 7 });
      expect(got.at(-1)).toEqual({ value: JSON.parse(lines.at(-1)!), line: 8 + 2500 - 4, index: 8 + 2500 - 5 });
      expect(got.slice(5).map((r) => (r.value as { i: number }).i)).toEqual(lines.slice(3).map((_, k) => k + 3));
      expect(log.errors).toBe(1);
      expect(log.kept[0]).toMatchObject({ line: 7, message: expect.stringMatching(/not valid JSON/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
