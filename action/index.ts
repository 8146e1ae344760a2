// Entry point of the bundled action (dist/index.js): the runner's environment in, the engine
// library behind the port, the exit code out.
import { run } from "./main.js";
import { libraryEngine } from "./engine-adapter.js";
import { fileRunner } from "./runner/io.js";

const runner = fileRunner(process.env);
try {
  await run({ env: process.env, engine: libraryEngine(), runner });
} catch (error) {
  // run() reports its own failures; this is the last line of defence against a crash.
  runner.setFailed(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
process.exitCode = runner.failed ? 1 : 0;
