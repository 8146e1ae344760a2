// Summarising a V8 .cpuprofile (written by `node --cpu-prof`): self time per function and per
// source file, so the benchmark can say where evaluate spends its time. Pure.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

function shortUrl(url: string): string {
  const i = url.indexOf("/build/engine/");
  if (i >= 0) return url.slice(i + "/build/".length);
  const j = url.indexOf("/node_modules/");
  if (j >= 0) return url.slice(j + 1);
  return url.replace(/^file:\/\//, "") || "(native)";
}

/** Self time by function (name + file:line) and by file, largest first. */
export function summarizeProfile(p: CpuProfile, top = 15): { byFunction: SelfTime[]; byFile: SelfTime[]; totalMs: number } {
  const totalMs = (p.endTime - p.startTime) / 1000;
  const samples = p.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const perSample = totalMs / samples;
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (hits === 0) continue;
    const url = shortUrl(n.callFrame.url);
    const name = `${n.callFrame.functionName || "(anonymous)"} ${url}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ""}`;
    fn.set(name, (fn.get(name) ?? 0) + hits);
    file.set(url, (file.get(url) ?? 0) + hits);
  }
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, ms: hits * perSample, share: hits / samples }));
  return { byFunction: list(fn), byFile: list(file), totalMs };
}

export function formatProfile(title: string, s: ReturnType<typeof summarizeProfile>): string {
  const line = (x: SelfTime) => `  ${(x.share * 100).toFixed(1).padStart(5)}%  ${(x.ms / 1000).toFixed(2).padStart(7)} s  ${x.name}`;
  return [`${title} (${(s.totalMs / 1000).toFixed(1)} s profiled), self time by file:`, ...s.byFile.map(line), "by function:", ...s.byFunction.map(line), ""].join("\n");
}
