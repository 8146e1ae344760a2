// The worker thread of the conformance runner: receives cases, runs them, replies with outcomes.

import { parentPort } from "node:worker_threads";
import type { ConformanceCase } from "./cases.js";
import { defaultDeps, runCase, thrownText, type CaseDeps, type Outcome } from "./run-case.js";

let deps: Promise<CaseDeps> | null = null;

// Load the compiler (and binaryen, which the first compile would load) before taking cases, so
// that loading does not count against a case's time limit.
deps = defaultDeps();
void Promise.all([deps, import("../compiler/wasm/emit.js")]).then(
  () => parentPort?.postMessage({ ready: true }),
  () => parentPort?.postMessage({ ready: true }),
);

parentPort?.on("message", async (msg: { id: number; item: ConformanceCase }) => {
  let outcome: Outcome;
  try {
    deps ??= defaultDeps();
    outcome = await runCase(msg.item, await deps);
  } catch (e) {
    // A bug in the compiler is a failure of this case, reported by its first line.
    outcome = { status: "fail", cause: `compiler crash: ${thrownText(e).split("\n")[0]}`, detail: e instanceof Error ? (e.stack ?? "") : "" };
  }
  parentPort?.postMessage({ id: msg.id, value: outcome });
});
