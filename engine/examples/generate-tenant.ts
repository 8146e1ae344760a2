// Generates the example tenant in engine/examples/tenant/ (committed): a management group tree
// with nested groups, five subscriptions, resources of common types, and several hundred Defender
// for Cloud assessments in Azure Resource Graph's shape, with the real security controls and
// assessment keys of Azure's REST example. Deterministic (fixed seed): running it again gives the
// same bytes. It is built to fit the example exemptions in exemptions/: their scopes and keys hit
// resources here, mostly unhealthy ones, so that the exemptions move the score.
//
//   npm run examples:tenant            (writes engine/examples/tenant/)
//   node build/…/generate-tenant.mjs [OUT_DIR] [--controls PATH]

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// Deterministic: the same mulberry32 stream the benchmark tenant uses.
import { rng } from "../bench/random.js";

// ---- the tenant ---------------------------------------------------------------------------
const TENANT = "6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b";

interface MgDef { name: string; displayName: string; parent: string | null }
const MANAGEMENT_GROUPS: MgDef[] = [
  { name: TENANT, displayName: "Tenant Root Group", parent: null },
  { name: "Contoso", displayName: "Contoso", parent: TENANT },
  { name: "Production", displayName: "Production", parent: "Contoso" },
  { name: "HardwareDivision", displayName: "Hardware Division", parent: "Production" },
  { name: "DevOrg", displayName: "Development", parent: "Contoso" },
  { name: "Sandboxes", displayName: "Sandboxes", parent: "DevOrg" },
];

interface SubDef { id: string; name: string; mg: string; groups: Record<string, ResourceDef[]> }
interface ResourceDef { type: string; name: string; children?: ResourceDef[] }

const vm = (name: string): ResourceDef => ({ type: "Microsoft.Compute/virtualMachines", name });
const vmss = (name: string): ResourceDef => ({ type: "Microsoft.Compute/virtualMachineScaleSets", name });
const sql = (name: string, dbs: string[]): ResourceDef => ({ type: "Microsoft.Sql/servers", name, children: dbs.map((d) => ({ type: "databases", name: d })) });
const storage = (name: string): ResourceDef => ({ type: "Microsoft.Storage/storageAccounts", name });
const site = (name: string): ResourceDef => ({ type: "Microsoft.Web/sites", name });
const vault = (name: string): ResourceDef => ({ type: "Microsoft.KeyVault/vaults", name });
const vnet = (name: string): ResourceDef => ({ type: "Microsoft.Network/virtualNetworks", name });
const aks = (name: string): ResourceDef => ({ type: "Microsoft.ContainerService/managedClusters", name });
/** n resources named prefix-01 … prefix-nn. */
const many = (n: number, prefix: string, make: (name: string) => ResourceDef): ResourceDef[] =>
  Array.from({ length: n }, (_, i) => make(`${prefix}-${String(i + 1).padStart(2, "0")}`));

const SUBSCRIPTIONS: SubDef[] = [
  {
    id: "20ff7fc3-e762-44dd-bd96-b71116dcdc23",
    name: "contoso-prod-core",
    mg: "Production",
    groups: {
      myRg: [vmss("vmss1"), vmss("vmss2"), sql("sql-prod-01", ["orders", "customers", "inventory"]), storage("sftpgatewaylegacy"), storage("prodlogs01"), aks("prod-aks-01"), vault("kv-prod-core")],
      "rg-web-prod": [site("shop-frontend"), site("shop-api"), ...many(12, "web-vm", vm), vnet("vnet-prod-web")],
      "rg-batch-prod": [...many(3, "batch-vmss", vmss), ...many(4, "batchstore", storage)],
      "rg-network-hub": [vnet("vnet-hub"), vm("fw-mgmt-01")],
    },
  },
  {
    id: "7c1b9e52-4a3d-4f60-8e21-5d9c0b7a6e14",
    name: "contoso-prod-data",
    mg: "Production",
    groups: {
      "rg-analytics": [sql("sql-analytics", ["warehouse", "staging"]), storage("datalakeraw01"), storage("datalakecurated01"), ...many(6, "etl-vm", vm), vault("kv-data")],
      "rg-data-network": [vnet("vnet-data")],
    },
  },
  {
    id: "5d1c0a3e-7f2b-4c1d-9e8a-2b6f4c3d1a90",
    name: "contoso-hw-lab",
    mg: "HardwareDivision",
    groups: {
      "rg-firmware-rigs": many(14, "rig", vm),
      "rg-lab-services": [vm("lab-build-01"), storage("labartifacts01"), vnet("vnet-lab")],
    },
  },
  {
    id: "ae640e6b-ba3e-4256-9d62-2993eecfa6f2",
    name: "contoso-dev-demo",
    mg: "DevOrg",
    groups: {
      demoCluster: [aks("demo-aks-01"), aks("demo-aks-02"), vnet("vnet-demo")],
      TestResourceGroup: [vm("MyTestVm"), ...many(5, "test-vm", vm), storage("testdiag01"), vnet("vnet-test")],
      "rg-dev-apps": [site("dev-portal"), sql("sql-dev", ["devdb"]), vault("kv-dev")],
    },
  },
  {
    id: "0b06d9ea-afe6-4779-bd59-30e5c2d9d13f",
    name: "contoso-sandbox",
    mg: "Sandboxes",
    groups: {
      "rg-sandbox": [...many(6, "sbx-vm", vm), storage("sbxscratch01"), vnet("vnet-sandbox"), site("sbx-func")],
    },
  },
];

// ---- which recommendations apply to which resource type (keys from the controls file) -----
// Controls by display name in Azure's example; the keys named explicitly are the ones the example
// exemptions use, the rest are taken in order from the control's own assessment definitions.
interface KeyPick { control: string; keys?: string[]; take?: number }
const BY_TYPE: Record<string, KeyPick[]> = {
  "microsoft.compute/virtualmachines": [
    { control: "Enable endpoint protection", keys: ["83f577bd-a1b6-b7e1-0891-12ca19d1e6df"] },
    { control: "Apply system updates", keys: ["4ab6e3c5-74dd-8b35-9ab9-f61b30875b27"] },
    { control: "Restrict unauthorized network access", keys: ["483f12ed-ae23-447e-a2de-a67a10db4353"] },
    { control: "Remediate security configurations", take: 1 },
    { control: "Enable encryption at rest", take: 1 },
  ],
  "microsoft.compute/virtualmachinescalesets": [
    { control: "Enable endpoint protection", keys: ["21300918-b2e3-0346-785f-c77ff57d243b"] },
    { control: "Apply system updates", take: 1 },
    { control: "Remediate security configurations", take: 1 },
  ],
  "microsoft.sql/servers": [
    { control: "Enable auditing and logging", keys: ["94208a8b-16e8-4e5b-abbd-4e81c9d02bee"] },
    { control: "Enable Advanced Threat Protection", take: 1 },
  ],
  "microsoft.sql/servers/databases": [{ control: "Enable encryption at rest", keys: ["d57a4221-a804-52ca-3dea-768284f06bb7"] }],
  "microsoft.storage/storageaccounts": [
    { control: "Encrypt data in transit", keys: ["1b351b29-41ca-6df5-946c-c190a56be5fe"] },
    { control: "Restrict unauthorized network access", take: 1 },
  ],
  "microsoft.web/sites": [
    { control: "Encrypt data in transit", take: 2 },
    { control: "Enable auditing and logging", take: 1 },
  ],
  "microsoft.keyvault/vaults": [{ control: "Enable auditing and logging", take: 2 }],
  "microsoft.network/virtualnetworks": [{ control: "Protect applications against DDoS attacks", keys: ["e3de1cc0-f4dd-3b34-e496-8b5381ba2d70"] }],
  "microsoft.containerservice/managedclusters": [
    { control: "Manage access and permissions", keys: ["c3b6ae71-f1f0-31b4-e6c1-d5951285d03d", "04e7147b-0deb-9796-2e5c-0336343ceb3d"] },
  ],
  "microsoft.resources/subscriptions": [
    { control: "Enable MFA", keys: ["94290b00-4d0c-d7b4-7cea-064a9554e681"], take: 2 },
    { control: "Enable Advanced Threat Protection", keys: ["56a6e81f-7413-4f72-9a1b-aaeeaa87c872", "1be22853-8ed1-4005-9907-ddad64cb1417"] },
    { control: "Manage access and permissions", take: 2 },
  ],
};

// Resources the example exemptions aim at: unhealthy on those keys, so the exemptions matter.
const UNHEALTHY_TARGETS: [string, string][] = [
  ["/vmss1", "21300918-b2e3-0346-785f-c77ff57d243b"],
  ["/vmss2", "21300918-b2e3-0346-785f-c77ff57d243b"],
  ["/databases/orders", "d57a4221-a804-52ca-3dea-768284f06bb7"],
  ["/storageaccounts/sftpgatewaylegacy", "1b351b29-41ca-6df5-946c-c190a56be5fe"],
  ["/virtualmachines/mytestvm", "83f577bd-a1b6-b7e1-0891-12ca19d1e6df"],
  ["/managedclusters/demo-aks-01", "c3b6ae71-f1f0-31b4-e6c1-d5951285d03d"],
  ["/managedclusters/demo-aks-02", "04e7147b-0deb-9796-2e5c-0336343ceb3d"],
  ["/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23", "94290b00-4d0c-d7b4-7cea-064a9554e681"],
  ["/servers/sql-prod-01", "94208a8b-16e8-4e5b-abbd-4e81c9d02bee"],
  ["/servers/sql-analytics", "94208a8b-16e8-4e5b-abbd-4e81c9d02bee"],
];

// Drift: rows Azure already shows as exempt although no exemption file covers them.
const DRIFT_TARGETS: [string, string][] = [
  ["/storageaccounts/prodlogs01", "1b351b29-41ca-6df5-946c-c190a56be5fe"],
  ["/virtualmachines/etl-vm-02", "4ab6e3c5-74dd-8b35-9ab9-f61b30875b27"],
];

interface ControlFile { value: { name: string; properties: { displayName: string; definition: { properties: { assessmentDefinitions: { id: string }[] } } } }[] }

/** Keys given explicitly to some type: `take` never hands them to another type. */
const EXPLICIT = new Set(Object.values(BY_TYPE).flatMap((picks) => picks.flatMap((p) => p.keys ?? [])));

function keysFor(type: string, controls: ControlFile): string[] {
  const picks = BY_TYPE[type.toLowerCase()] ?? [];
  const out: string[] = [];
  for (const p of picks) {
    const c = controls.value.find((x) => x.properties.displayName === p.control);
    if (!c) throw new Error(`control ${p.control} is not in the controls file`);
    const all = c.properties.definition.properties.assessmentDefinitions.map((d) => d.id.split("/").pop()!.toLowerCase());
    for (const k of p.keys ?? []) {
      if (!all.includes(k)) throw new Error(`key ${k} is not in control ${p.control}`);
      out.push(k);
    }
    let n = p.take ?? 0;
    for (const k of all) {
      if (n <= 0) break;
      if (!out.includes(k) && !EXPLICIT.has(k)) {
        out.push(k);
        n--;
      }
    }
  }
  return out;
}

interface Resource { id: string; type: string; sub: SubDef; group: string | null; name: string }

function resourcesOf(sub: SubDef): Resource[] {
  const out: Resource[] = [{ id: `/subscriptions/${sub.id}`, type: "Microsoft.Resources/subscriptions", sub, group: null, name: sub.name }];
  for (const [group, defs] of Object.entries(sub.groups)) {
    for (const d of defs) {
      const id = `/subscriptions/${sub.id}/resourceGroups/${group}/providers/${d.type}/${d.name}`;
      out.push({ id, type: d.type, sub, group, name: d.name });
      for (const c of d.children ?? []) out.push({ id: `${id}/${c.type}/${c.name}`, type: `${d.type}/${c.type}`, sub, group, name: c.name });
    }
  }
  return out;
}

const STATUS_CHANGE = "2026-11-20T06:00:00.0000000Z";
const FIRST_SEEN = "2026-03-02T09:15:00.0000000Z";

function assessmentRow(r: Resource, key: string, code: "Healthy" | "Unhealthy" | "NotApplicable", cause: string, description: string) {
  const status: Record<string, string> = { code, statusChangeDate: STATUS_CHANGE, firstEvaluationDate: FIRST_SEEN };
  if (cause) status.cause = cause;
  if (description) status.description = description;
  return {
    id: `${r.id}/providers/Microsoft.Security/assessments/${key}`,
    name: key,
    type: "microsoft.security/assessments",
    tenantId: TENANT,
    kind: "",
    location: "",
    resourceGroup: r.group ? r.group.toLowerCase() : "",
    subscriptionId: r.sub.id,
    managedBy: "",
    sku: null,
    plan: null,
    properties: {
      resourceDetails: { Source: "Azure", Id: r.id, ResourceType: r.type, ResourceName: r.name, ResourceProvider: r.type.split("/")[0]!.toLowerCase() },
      displayName: "",
      status,
      additionalData: {},
      metadata: { assessmentType: "BuiltIn" },
    },
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

function chainOf(mg: string): { name: string; displayName: string }[] {
  const out: { name: string; displayName: string }[] = [];
  for (let m = MANAGEMENT_GROUPS.find((x) => x.name === mg); m; m = MANAGEMENT_GROUPS.find((x) => x.name === m!.parent)) {
    out.push({ name: m.name, displayName: m.displayName });
  }
  return out;
}

export function generateTenant(controls: ControlFile, seed = 20261122) {
  const random = rng(seed);
  const rows: ReturnType<typeof assessmentRow>[] = [];
  for (const sub of SUBSCRIPTIONS) {
    for (const r of resourcesOf(sub)) {
      const lower = r.id.toLowerCase();
      for (const key of keysFor(r.type, controls)) {
        const target = UNHEALTHY_TARGETS.some(([suffix, k]) => k === key && lower.endsWith(suffix.toLowerCase()));
        const drift = DRIFT_TARGETS.some(([suffix, k]) => k === key && lower.endsWith(suffix.toLowerCase()));
        const x = random();
        if (drift) {
          rows.push(assessmentRow(r, key, "NotApplicable", "Exempt", "This assessment is exempted (Microsoft.Authorization/policyExemptions)"));
        } else if (target) {
          rows.push(assessmentRow(r, key, "Unhealthy", "", ""));
        } else if (x < 0.06) {
          rows.push(assessmentRow(r, key, "NotApplicable", "OffByPolicy", "The effective policy for the assessment was evaluated to off"));
        } else if (x < 0.45) {
          rows.push(assessmentRow(r, key, "Unhealthy", "", ""));
        } else {
          rows.push(assessmentRow(r, key, "Healthy", "", ""));
        }
      }
    }
  }
  const tree = {
    count: SUBSCRIPTIONS.length + MANAGEMENT_GROUPS.length,
    data: [
      ...SUBSCRIPTIONS.map((s) => ({
        id: `/subscriptions/${s.id}`,
        name: s.name,
        type: "microsoft.resources/subscriptions",
        tenantId: TENANT,
        subscriptionId: s.id,
        properties: { state: "Enabled", managementGroupAncestorsChain: chainOf(s.mg) },
      })),
      ...MANAGEMENT_GROUPS.map((m) => ({
        id: `/providers/Microsoft.Management/managementGroups/${m.name}`,
        name: m.name,
        type: "microsoft.management/managementgroups",
        tenantId: TENANT,
        properties: { displayName: m.displayName, details: { managementGroupAncestorsChain: m.parent ? chainOf(m.parent) : [] } },
      })),
    ],
    skip_token: null,
    total_records: SUBSCRIPTIONS.length + MANAGEMENT_GROUPS.length,
  };
  return { rows, tree };
}

function main(argv: string[]): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const repo = resolve(here, here.endsWith("/build") ? ".." : "../..");
  const outDir = resolve(argv.find((a) => !a.startsWith("--")) ?? join(repo, "engine/examples/tenant"));
  const ci = argv.indexOf("--controls");
  const controlsPath = ci >= 0 ? argv[ci + 1]! : join(repo, "engine/examples/tenant/controls.json");
  const controls = JSON.parse(readFileSync(controlsPath, "utf8")) as ControlFile;
  const { rows, tree } = generateTenant(controls);
  mkdirSync(join(outDir, "assessments"), { recursive: true });
  // Two pages, as `az graph query --first 1000 --skip-token …` would return them.
  const half = Math.ceil(rows.length / 2);
  const pages = [rows.slice(0, half), rows.slice(half)];
  pages.forEach((page, i) => {
    const doc = { count: page.length, data: page, skip_token: i === 0 ? "ew0KICAiJGlkIjogIjEiLA0KICAiTWF4Um93cyI6IDEwMDAgfQ==" : null, total_records: rows.length };
    writeFileSync(join(outDir, "assessments", `page-${String(i + 1).padStart(4, "0")}.json`), JSON.stringify(doc, null, 1) + "\n");
  });
  writeFileSync(join(outDir, "tree.json"), JSON.stringify(tree, null, 1) + "\n");
  process.stdout.write(`wrote ${rows.length} assessments in ${pages.length} pages, ${tree.data.length} tree rows to ${outDir}\n`);
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.(mjs|js|ts)$/, "") === fileURLToPath(import.meta.url).replace(/\.(mjs|js|ts)$/, "")) {
  main(process.argv.slice(2));
}
