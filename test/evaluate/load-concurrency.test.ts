// Exemption files are checked and read several at a time (engine/exemptions/discover.ts and
// load.ts); the results must not depend on which read finishes first.
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mapInOrder } from "../../engine/exemptions/discover.js";
import { loadExemptions } from "../../engine/exemptions/load.js";

describe("mapInOrder", () => {
  it("returns results in the items' order and keeps at most `limit` calls pending", async () => {
    let pending = 0;
    let most = 0;
    const items = Array.from({ length: 200 }, (_, i) => i);
    const out = await mapInOrder(items, 8, async (n) => {
      pending++;
      most = Math.max(most, pending);
      // Later items often finish first.
      await new Promise((r) => setTimeout(r, (n * 7919) % 5));
      pending--;
      return n * 2;
    });
    expect(out).toEqual(items.map((n) => n * 2));
    expect(most).toBe(8);
  });

  it("handles fewer items than the limit, and none", async () => {
    expect(await mapInOrder([3, 1], 32, async (n) => n + 1)).toEqual([4, 2]);
    expect(await mapInOrder([], 32, async (n: number) => n)).toEqual([]);
  });
});

function yaml(name: string): string {
  return [
    `name: ${name}`,
    "displayName: A test exemption",
    "description: Read side by side with others.",
    "recommendations:",
    "  - e3de1cc0-f4dd-3b34-e496-8b5381ba2d70",
    "scopes:",
    "  - /subscriptions/1a1a1a1a-0000-4000-8000-000000000001",
    "category: waiver",
    "justification: risk_accepted",
    "expiresOn: 2027-04-01",
    "owner: risk-office@contoso.com",
    "ticket: RISK-311",
    "",
  ].join("\n");
}

describe("loadExemptions with reads side by side", () => {
  it("lists files, exemptions and diagnostics in name order", async () => {
    const dir = await mkdtemp(join(tmpdir(), "load-order-"));
    await mkdir(join(dir, ".git"));
    const sub = join(dir, "ex");
    await mkdir(sub);
    await mkdir(join(sub, "m-nested"));
    const names: string[] = [];
    for (let i = 0; i < 150; i++) {
      const name = `e-${String(i).padStart(3, "0")}`;
      names.push(name);
      // Vary sizes so reads finish out of order.
      await writeFile(join(sub, `${name}.yaml`), yaml(name) + "#".repeat((i * 37) % 4000) + "\n");
    }
    await writeFile(join(sub, "m-nested", "z-last.yaml"), yaml("z-last"));
    await symlink(join(sub, "nowhere.yaml"), join(sub, "b-broken.yaml"));
    await symlink(join(sub, "nowhere2.yaml"), join(sub, "k-broken.yaml"));
    await writeFile(join(sub, "f-bad.yaml"), "name: [unclosed\n");
    const r = await loadExemptions([sub], { at: new Date("2026-11-22T00:00:00Z"), cwd: dir });
    const shown = r.files.map((f) => f.file);
    expect(shown).toEqual([...shown].sort());
    expect(shown.length).toBe(152);
    expect(r.exemptions.map((e) => e.name)).toEqual([...names.slice(0, 150), "z-last"].sort());
    const broken = r.diagnostics.filter((d) => d.code === "file.broken-symlink").map((d) => d.file);
    expect(broken).toEqual(["ex/b-broken.yaml", "ex/k-broken.yaml"]);
    expect(r.diagnostics.some((d) => d.file === "ex/f-bad.yaml" && d.severity === "error")).toBe(true);
  });
});
