import { describe, expect, it } from "vitest";
import { BatchDecider } from "../../engine/evaluate/decider.js";
import type { DecisionBatch, DecisionEngine, DecisionResult, PolicyExemption } from "../../engine/evaluate/types.js";

const K1 = "aaaaaaaa-0000-0000-0000-000000000001";
const K2 = "aaaaaaaa-0000-0000-0000-000000000002";
const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const RG = `${SUB}/resourcegroups/rg`;
const MG = "/providers/microsoft.management/managementgroups/prod";

function ex(name: string, recommendations: string[], scopes: string[]): PolicyExemption {
  return { name, recommendations, scopes, category: "waiver", justification: "risk_accepted", expires_ms: null, status: "active" };
}

/**
 * A recording stand-in for the policy: it answers "the first exemption of the batch" for every
 * question whose chain is not empty. It does not model the policy's rules; these tests are about
 * what the decider asks, how often, and that every row gets the answer to its own question.
 */
class RecordingEngine implements DecisionEngine {
  batches: DecisionBatch[] = [];
  async decide(batch: DecisionBatch): Promise<DecisionResult> {
    this.batches.push(structuredClone(batch));
    const decisions: DecisionResult["decisions"] = {};
    for (const a of batch.assessments) {
      if (a.chain.length > 0) {
        decisions[a.id] = { exemption: batch.exemptions[0]!.name, scope: a.chain[0]!, rank: 0, status: "NotApplicable", cause: "Exempt", reason: "r", others: [] };
      }
    }
    return { decisions, exemption_status: {} };
  }
}

const chainOf = (vm: string, rg = RG) => [`${rg}/providers/microsoft.compute/virtualmachines/${vm}`, rg, SUB, MG];

describe("BatchDecider", () => {
  it("gives resources with the same named scopes one chain, and answers their rows from one question", async () => {
    const engine = new RecordingEngine();
    const got: (string | null)[] = [];
    const d = new BatchDecider<string>(engine, 0, [ex("rg-wide", [K1], [RG]), ex("sub-k2", [K2], [SUB])], (_row, dec) => got.push(dec?.exemption ?? null));
    const a = d.namedScopes(chainOf("vm1"));
    const b = d.namedScopes(chainOf("vm2"));
    expect(a).toEqual([RG, SUB]);
    expect(b).toBe(a);
    expect(d.namedScopes(chainOf("x", `${SUB}/resourcegroups/other`))).toEqual([SUB]);
    // The resource itself named: in front of its group's named scopes, the group's result intact.
    const vm9 = chainOf("vm9")[0]!;
    const d2 = new BatchDecider<string>(engine, 0, [ex("rg-wide", [K1], [RG]), ex("one-vm", [K1], [vm9])], () => {});
    expect(d2.namedScopes(chainOf("vm1"))).toEqual([RG]);
    expect(d2.namedScopes(chainOf("vm9"))).toEqual([vm9, RG]);
    expect(d2.namedScopes(chainOf("vm2"))).toEqual([RG]);
    expect(d2.namedScopes([vm9])).toEqual([vm9]);
    for (const chain of [a, b, a]) {
      d.add("K1", K1, chain);
      d.add("K2", K2, chain);
    }
    await d.flush();
    // Two questions (K1 on [rg], K2 on [sub]) for six rows, every row answered (the stand-in
    // names the batch's first exemption for any question).
    expect(engine.batches).toHaveLength(1);
    expect(engine.batches[0]!.assessments).toEqual([
      { id: "0", key: K1, chain: [RG] },
      { id: "1", key: K2, chain: [SUB] },
    ]);
    expect(got).toEqual(["rg-wide", "rg-wide", "rg-wide", "rg-wide", "rg-wide", "rg-wide"]);
  });

  it("sends only the exemptions that can rank for some question: the key's global ones and those at a scope in a chain", async () => {
    const engine = new RecordingEngine();
    const other = `${SUB}/resourcegroups/other`;
    const exemptions = [
      ex("k2-rg", [K2], [RG]),
      ex("k1-other-rg", [K1], [other]),
      ex("k1-global", [K1], ["global"]),
      ex("k1-rg", [K1], [RG]),
      ex("k1-sub", [K1, K2], [SUB]),
    ];
    const d = new BatchDecider<string>(engine, 0, exemptions, () => {});
    await d.add("vm1/K1", K1, chainOf("vm1"));
    await d.flush();
    expect(engine.batches[0]!.assessments).toEqual([{ id: "0", key: K1, chain: [RG, SUB] }]);
    // In the order given; k2-rg names another key, k1-other-rg a group outside the chain.
    expect(engine.batches[0]!.exemptions.map((e) => e.name)).toEqual(["k1-global", "k1-rg", "k1-sub"]);
    // A question on the other group brings its exemption in, once.
    await d.add("x/K1", K1, chainOf("x", other));
    await d.add("vm2/K2", K2, chainOf("vm2"));
    await d.flush();
    expect(engine.batches[1]!.exemptions.map((e) => e.name)).toEqual(["k2-rg", "k1-other-rg", "k1-global", "k1-sub"]);
  });

  it("asks nothing for keys no exemption names, and prunes chains to the scopes exemptions name", async () => {
    const engine = new RecordingEngine();
    const got: [string, string | null][] = [];
    const d = new BatchDecider<string>(engine, 0, [ex("rg-wide", [K1], [RG])], (row, dec) => got.push([row, dec?.exemption ?? null]));
    await d.add("vm1/K2", K2, chainOf("vm1"));
    for (let i = 0; i < 100; i++) await d.add(`vm${i}/K1`, K1, chainOf(`vm${i}`));
    await d.add("other-rg/K1", K1, chainOf("x", `${SUB}/resourcegroups/other`));
    await d.flush();
    // 100 resources in the same group → one question with chain [rg]; other-rg → no scope left.
    expect(engine.batches).toHaveLength(1);
    expect(engine.batches[0]!.assessments).toEqual([{ id: "0", key: K1, chain: [RG] }]);
    expect(engine.batches[0]!.exemptions.map((e) => e.name)).toEqual(["rg-wide"]);
    expect(got).toHaveLength(102);
    expect(got.filter(([, e]) => e === "rg-wide")).toHaveLength(100);
    expect(got.find(([r]) => r === "vm1/K2")![1]).toBe(null);
    expect(got.find(([r]) => r === "other-rg/K1")![1]).toBe(null);
    expect(d.stats).toMatchObject({ calls: 1, questions: 1 });
  });

  it("keeps asking with an empty chain when a global exemption names the key", async () => {
    const engine = new RecordingEngine();
    const d = new BatchDecider<string>(engine, 5, [ex("g", [K1], ["global"]), ex("n", [K2], [MG])], () => {});
    await d.add("a", K1, chainOf("a"));
    await d.flush();
    expect(engine.batches[0]).toEqual({ at_ms: 5, exemptions: [ex("g", [K1], ["global"])], assessments: [{ id: "0", key: K1, chain: [] }] });
  });

  it("answers repeated questions from its cache across batches and flushes at the batch size", async () => {
    const engine = new RecordingEngine();
    const answers = new Map<string, string | null>();
    const exemptions = Array.from({ length: 5 }, (_, i) => ex(`vm-${i}`, [K1], [chainOf(`vm${i}`)[0]!]));
    const d = new BatchDecider<string>(engine, 0, exemptions, (row, dec) => answers.set(row, dec?.scope ?? null), 2);
    for (let round = 0; round < 3; round++) for (let i = 0; i < 5; i++) await d.add(`r${round}-vm${i}`, K1, chainOf(`vm${i}`));
    await d.flush();
    expect(engine.batches.map((b) => b.assessments.length)).toEqual([2, 2, 1]);
    expect(d.stats.questions).toBe(5);
    expect(answers.get("r2-vm3")).toBe(chainOf("vm3")[0]);
    expect(answers.size).toBe(15);
  });
});
