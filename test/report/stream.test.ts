import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { formatReport } from "../../engine/report/format.js";
import { validateReport } from "../../engine/report/schema.js";
import { csvChunks, jsonChunks, reportChunks } from "../../engine/report/stream.js";
import { REPORT_SCHEMA_VERSION, type Report } from "../../engine/report/types.js";
import { writeChunks } from "../../engine/report/write.js";

const KEY = "0a0a0a0a-0000-4000-8000-0000000000a1";

/** A report with `rows` not-applicable rows carrying awkward text (quotes, newlines, formulas, non-ASCII). */
function report(rows: number): Report {
  const score = { current: 5, max: 10, percentage: 0.5 };
  const cs = { ...score, healthy: 1, unhealthy: 1, notApplicable: 0 };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    at: "2026-11-22T12:00:00.000Z",
    secureScore: { before: score, after: { current: 7.25, max: 10, percentage: 0.725 }, delta: { current: 2.25, percentage: 0.225 } },
    controls: [{ id: "c1", displayName: "Control \"one\"\nline two", before: cs, after: cs }],
    subscriptions: [{ id: "s1", displayName: null, managementGroups: [], before: score, after: score }],
    notApplicable: Array.from({ length: rows }, (_, i) => ({
      resourceId: i % 3 === 0 ? `=HYPERLINK("x${i}")` : `/subscriptions/s1/resourceGroups/rg/providers/p/v${i}`,
      assessmentKey: KEY,
      exemption: `e-${i}, "quoted"\r\nnext ü ✓`,
      category: "waiver",
      justification: "risk_accepted",
      scope: "global",
      before: "Unhealthy" as const,
      reason: `r${i}`,
    })),
    exemptions: [{ name: "e1", file: "exemptions/e1.yaml", status: "in_effect", matched: rows, category: "waiver", justification: "risk_accepted", expiresOn: null, suspendedOn: [], suspendedBy: ["a", "b"] }],
    recommendations: [],
    exposure: { unhealthy: 1, exposedAfter: 0 },
    drift: [],
    validation: { deny: [], warn: [{ file: "f.yaml", line: 1, col: 2, field: "x", message: "m", code: "c" }] },
    inputs: { exemptionFiles: 1, exemptionsLoaded: 1, assessmentRows: rows, assessmentsAccepted: rows, assessmentsRejected: 0, unscoredAssessments: 0, subscriptions: 1, controls: 1, policyCalls: 1, policyQuestions: 1 },
    // Optional fields present and absent, and one explicitly undefined (JSON.stringify drops it).
    issues: [{ source: "assessments", severity: "warning", file: "a.jsonl", line: 3, message: "m" }, { source: "tree", severity: "error", file: "t.json", field: undefined as unknown as string, message: "n" }],
    issueCounts: { errors: 1, warnings: 1, listed: 2 },
  };
}

describe("streamed JSON", () => {
  it("joins to exactly formatReport's JSON, whatever the chunk size", () => {
    const r = report(500);
    const whole = formatReport(r, "json");
    for (const size of [1, 7, 100, 1 << 16]) expect([...jsonChunks(r, size)].join("")).toBe(whole);
  });

  it("never builds the whole text: chunks stay near the requested size", () => {
    const r = report(5000);
    const chunks = [...jsonChunks(r, 4096)];
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(chunks.length).toBeGreaterThan(total / 8192);
    // One chunk is the requested size plus at most one piece (one row's text).
    for (const c of chunks) expect(c.length).toBeLessThan(4096 + 1000);
  });

  it("matches JSON.stringify on the edge cases of the layout", () => {
    const cases: unknown[] = [
      {},
      [],
      { a: [], b: {}, c: [[]], d: [{}] },
      { nested: { deeper: { deepest: [1, { x: "y\nz" }] } } },
      { u: undefined, f: () => 1, s: Symbol("s"), arr: [undefined, () => 1, null, -0, 1e21] },
      { date: new Date("2026-01-02T03:04:05Z"), boxed: [new Number(3), new String("s")] },
      [1, "two", [3, [4]]],
      "plain",
      42,
    ];
    for (const v of cases) expect([...jsonChunks(v, 3)].join("")).toBe(JSON.stringify(v, null, 2) + "\n");
  });

  it("the streamed text parses back to a report valid against the published schema", () => {
    const parsed = JSON.parse([...reportChunks(report(50), "json")].join("")) as unknown;
    expect(validateReport(parsed)).toEqual({ ok: true });
    // And a broken streamed report is still caught (the check is not vacuous).
    const broken = JSON.parse([...reportChunks({ ...report(1), notApplicable: [{ resourceId: 1 }] } as unknown as Report, "json")].join("")) as unknown;
    expect(validateReport(broken).ok).toBe(false);
  });
});

describe("streamed CSV, text and markdown", () => {
  it("csv joins to exactly formatReport's CSV", () => {
    const r = report(300);
    expect([...csvChunks(r, 50)].join("")).toBe(formatReport(r, "csv"));
    expect([...reportChunks(report(0), "csv")].join("")).toBe(formatReport(report(0), "csv"));
  });

  it("text and markdown are the same single piece as before, honouring maxRows", () => {
    const r = report(30);
    for (const f of ["text", "markdown"] as const) {
      expect([...reportChunks(r, f, { maxRows: 5 })]).toEqual([formatReport(r, f, { maxRows: 5 })]);
    }
  });
});

/** A stand-in for a slow pipe: needs draining after every `limit` characters until drained. */
class SlowStream extends EventEmitter {
  queued = 0;
  writableNeedDrain = false;
  destroyed = false;
  constructor(private readonly limit: number) {
    super();
  }
  write(text: string): void {
    this.queued += text.length;
    if (this.queued >= this.limit) this.writableNeedDrain = true;
  }
  drain(): void {
    this.queued = 0;
    this.writableNeedDrain = false;
    this.emit("drain");
  }
}

describe("writeChunks", () => {
  it("waits for drain before writing more, and writes everything in order", async () => {
    const stream = new SlowStream(10);
    const written: string[] = [];
    const done = writeChunks(["aaaaaaaaaaaa", "b", "c"], (t) => (written.push(t), stream.write(t)), stream);
    await new Promise((r) => setImmediate(r));
    // The first chunk filled the stream: nothing more until it drains.
    expect(written).toEqual(["aaaaaaaaaaaa"]);
    stream.drain();
    await done;
    expect(written).toEqual(["aaaaaaaaaaaa", "b", "c"]);
    expect(stream.listenerCount("drain") + stream.listenerCount("close") + stream.listenerCount("error")).toBe(0);
  });

  it("stops when the stream is closed while waiting (the reader went away)", async () => {
    const stream = new SlowStream(1);
    const written: string[] = [];
    const done = writeChunks(["a", "b"], (t) => (written.push(t), stream.write(t)), stream);
    await new Promise((r) => setImmediate(r));
    stream.destroyed = true;
    stream.emit("close");
    await done;
    expect(written).toEqual(["a"]);
  });

  it("without a stream, writes every chunk at once", async () => {
    const written: string[] = [];
    await writeChunks(jsonChunks({ a: [1, 2, 3] }, 2), (t) => written.push(t), null);
    expect(written.join("")).toBe(JSON.stringify({ a: [1, 2, 3] }, null, 2) + "\n");
    expect(written.length).toBeGreaterThan(1);
  });
});
