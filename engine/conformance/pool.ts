// Runs jobs in worker threads so that one job cannot take the run down: each job has a time limit
// (the worker is terminated and replaced when it is exceeded, which also stops a Wasm loop), and a
// worker that dies is replaced. Workers are reused between jobs, so each loads the compiler once.

import { Worker, type ResourceLimits } from "node:worker_threads";

export interface PoolOptions {
  /** The worker script (a file URL/path, or source code when `eval` is set). */
  script: URL | string;
  eval?: boolean;
  jobs: number;
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
  /**
   * Wait for the worker to post `{ ready: true }` before giving it a job, so that loading (the
   * compiler, binaryen) does not count against the first job's time limit. A worker that is not
   * ready within `startupMs` counts as crashed.
   */
  waitReady?: boolean;
  startupMs?: number;
}

/** What comes back for a job: the worker's reply, or why there is none. */
export type PoolResult<R> = { kind: "done"; value: R } | { kind: "timeout"; ms: number } | { kind: "crash"; message: string };

interface Reply<R> {
  id: number;
  value: R;
}

export async function runInPool<T, R>(
  items: readonly T[],
  options: PoolOptions,
  onResult?: (index: number, result: PoolResult<R>) => void,
): Promise<Array<PoolResult<R>>> {
  const results: Array<PoolResult<R>> = new Array(items.length);
  let next = 0;
  const spawn = () =>
    new Worker(options.script, {
      eval: options.eval ?? false,
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      stdout: true,
      stderr: true,
    });

  const slot = (): Promise<void> =>
    new Promise((resolveSlot) => {
      let worker = spawn();
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      let ready = !options.waitReady;
      let startup: NodeJS.Timeout | undefined;

      const finish = (index: number, r: PoolResult<R>) => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        results[index] = r;
        onResult?.(index, r);
      };

      const attach = (w: Worker) => {
        // Output of policies (print) and of the compiler is not the runner's output.
        w.stdout.resume();
        w.stderr.resume();
        if (options.waitReady) {
          ready = false;
          startup = setTimeout(() => {
            if (w !== worker) return;
            // Give the next job a chance with a fresh worker, and record this one as crashed.
            if (next < items.length) {
              const index = next++;
              finish(index, { kind: "crash", message: `worker not ready after ${options.startupMs ?? 60000} ms` });
            }
            replace();
          }, options.startupMs ?? 60000);
        }
        w.on("message", (msg: Reply<R> | { ready: true }) => {
          if ("ready" in msg) {
            if (w !== worker) return;
            if (startup) clearTimeout(startup);
            ready = true;
            dispatch();
            return;
          }
          if (msg.id !== current) return;
          finish(current, { kind: "done", value: msg.value });
          current = -1;
          dispatch();
        });
        const died = (message: string) => {
          if (w !== worker) return;
          if (current >= 0) finish(current, { kind: "crash", message });
          current = -1;
          replace();
        };
        w.on("error", (e) => died(e instanceof Error ? e.message : String(e)));
        w.on("exit", (code) => died(`worker exited with code ${code}`));
      };

      const replace = () => {
        const old = worker;
        worker = spawn();
        attach(worker);
        void old.terminate();
        dispatch();
      };

      const dispatch = () => {
        if (settled || current >= 0 || !ready) return;
        if (next >= items.length) {
          settled = true;
          if (startup) clearTimeout(startup);
          const w = worker;
          worker = null as unknown as Worker;
          void w.terminate().then(() => resolveSlot());
          return;
        }
        current = next++;
        const index = current;
        timer = setTimeout(() => {
          if (current !== index) return;
          finish(index, { kind: "timeout", ms: options.timeoutMs });
          current = -1;
          replace();
        }, options.timeoutMs);
        worker.postMessage({ id: index, item: items[index] });
      };

      attach(worker);
      dispatch();
    });

  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, items.length)) }, slot));
  return results;
}
