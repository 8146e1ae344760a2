// Preloaded into every measured child process (`node --import …/usage-hook.js`): at exit, write
// the process's own resource usage to the file named by BENCH_USAGE_FILE. This is how the
// benchmark learns the child's peak RSS without depending on /usr/bin/time.
import { writeFileSync } from "node:fs";

const out = process.env.BENCH_USAGE_FILE;
if (out) {
  process.on("exit", (code) => {
    const u = process.resourceUsage();
    // maxRSS is in kilobytes; CPU times in microseconds.
    writeFileSync(out, JSON.stringify({ maxRssKB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, exitCode: code }));
  });
}
