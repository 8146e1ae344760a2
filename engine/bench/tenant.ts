// The benchmark tenant's shape: a management-group tree several levels deep (Cloud Adoption
// Framework style: platform, landing zones by archetype and region, business units, sandboxes),
// many subscriptions, resource groups, resources of common Azure types, and for each resource the
// Defender for Cloud assessments of the real security controls that fit its type.
//
// Pure. The layout (tree, subscriptions, resource count) is small and built up front; resources
// are rebuilt on demand from (seed, index), so a million assessments are never held at once.

import { guid, mix32, pick, pickIndex, rng, weighted } from "./random.js";

export const TENANT_ID = "6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b";

// ---- controls ----------------------------------------------------------------------------

/** The parts of the REST secure score controls list ($expand=definition) used here. */
export interface ControlsDocument {
  value: {
    name: string;
    properties: { displayName: string; definition: { properties: { maxScore: number; assessmentDefinitions: { id: string }[] } } };
  }[];
}

/** The list itself from a REST example file ({"responses":{"200":{"body":…}}}) or the list. */
export function controlsList(doc: unknown): ControlsDocument {
  const d = doc as { value?: unknown; responses?: { "200"?: { body?: unknown } } };
  const body = Array.isArray(d?.value) ? d : (d?.responses?.["200"]?.body as { value?: unknown } | undefined);
  if (!body || !Array.isArray(body.value)) throw new Error('controls: expected {"value":[…]} or a REST example holding one');
  return body as ControlsDocument;
}

/** Lower-cased assessment keys per control display name. */
export function keysByControl(controls: ControlsDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of controls.value) {
    out.set(
      c.properties.displayName,
      c.properties.definition.properties.assessmentDefinitions.map((a) => a.id.split("/").pop()!.toLowerCase()),
    );
  }
  return out;
}

// ---- resource types ----------------------------------------------------------------------

/** Which of a control's assessment keys a type gets: `take` keys from position `from`. */
interface KeyRule {
  control: string;
  from: number;
  take: number;
}

interface TypeDef {
  type: string;
  /** Relative frequency among top-level resources. */
  weight: number;
  /** Short name prefix (storage accounts get no hyphens, as Azure requires). */
  prefix: string;
  rules: KeyRule[];
  /** Child resource type (SQL databases under servers), with how many children at most. */
  child?: { type: string; prefix: string; max: number; rules: KeyRule[] };
}

// Key positions are chosen so types share some keys (as real recommendations apply to several
// types) but mostly have their own.
const TYPES: TypeDef[] = [
  {
    type: "Microsoft.Compute/virtualMachines",
    weight: 30,
    prefix: "vm",
    rules: [
      { control: "Enable endpoint protection", from: 0, take: 2 },
      { control: "Apply system updates", from: 0, take: 2 },
      { control: "Restrict unauthorized network access", from: 0, take: 1 },
      { control: "Remediate security configurations", from: 0, take: 1 },
      { control: "Enable encryption at rest", from: 0, take: 1 },
    ],
  },
  {
    type: "Microsoft.Compute/virtualMachineScaleSets",
    weight: 5,
    prefix: "vmss",
    rules: [
      { control: "Enable endpoint protection", from: 2, take: 1 },
      { control: "Apply system updates", from: 2, take: 1 },
      { control: "Remediate security configurations", from: 1, take: 1 },
    ],
  },
  {
    type: "Microsoft.Sql/servers",
    weight: 4,
    prefix: "sql",
    rules: [
      { control: "Enable auditing and logging", from: 0, take: 1 },
      { control: "Enable Advanced Threat Protection", from: 0, take: 1 },
    ],
    child: { type: "databases", prefix: "db", max: 4, rules: [{ control: "Enable encryption at rest", from: 1, take: 1 }] },
  },
  {
    type: "Microsoft.Storage/storageAccounts",
    weight: 15,
    prefix: "st",
    rules: [
      { control: "Encrypt data in transit", from: 0, take: 1 },
      { control: "Restrict unauthorized network access", from: 1, take: 1 },
      { control: "Enable auditing and logging", from: 1, take: 1 },
    ],
  },
  {
    type: "Microsoft.Web/sites",
    weight: 10,
    prefix: "app",
    rules: [
      { control: "Encrypt data in transit", from: 1, take: 2 },
      { control: "Enable auditing and logging", from: 2, take: 1 },
      { control: "Manage access and permissions", from: 0, take: 1 },
    ],
  },
  {
    type: "Microsoft.KeyVault/vaults",
    weight: 6,
    prefix: "kv",
    rules: [
      { control: "Enable auditing and logging", from: 3, take: 2 },
      { control: "Manage access and permissions", from: 1, take: 1 },
    ],
  },
  {
    type: "Microsoft.Network/virtualNetworks",
    weight: 5,
    prefix: "vnet",
    rules: [
      { control: "Protect applications against DDoS attacks", from: 0, take: 1 },
      { control: "Restrict unauthorized network access", from: 2, take: 1 },
    ],
  },
  {
    type: "Microsoft.Network/networkSecurityGroups",
    weight: 5,
    prefix: "nsg",
    rules: [{ control: "Restrict unauthorized network access", from: 3, take: 2 }],
  },
  {
    type: "Microsoft.ContainerService/managedClusters",
    weight: 3,
    prefix: "aks",
    rules: [
      { control: "Manage access and permissions", from: 2, take: 2 },
      { control: "Implement security best practices", from: 0, take: 2 },
    ],
  },
  {
    type: "Microsoft.ContainerRegistry/registries",
    weight: 3,
    prefix: "acr",
    rules: [
      { control: "Implement security best practices", from: 2, take: 1 },
      { control: "Restrict unauthorized network access", from: 5, take: 1 },
    ],
  },
  {
    type: "Microsoft.DocumentDB/databaseAccounts",
    weight: 2,
    prefix: "cosmos",
    rules: [
      { control: "Restrict unauthorized network access", from: 6, take: 1 },
      { control: "Enable Advanced Threat Protection", from: 1, take: 1 },
    ],
  },
];

/** Assessments on the subscription itself (MFA, Defender plans, owners…). */
const SUBSCRIPTION_RULES: KeyRule[] = [
  { control: "Enable MFA", from: 0, take: 3 },
  { control: "Enable Advanced Threat Protection", from: 2, take: 2 },
  { control: "Manage access and permissions", from: 4, take: 2 },
];

const APPS = ["web", "api", "data", "etl", "crm", "erp", "pay", "iot", "ml", "ops", "hr", "shop", "auth", "search", "mail", "edge"];
const ENVS = ["prod", "prod", "prod", "uat", "test", "dev"];

// ---- layout ------------------------------------------------------------------------------

export interface ManagementGroup {
  name: string;
  displayName: string;
  parent: string | null;
}

export interface Subscription {
  id: string;
  name: string;
  /** The management group directly above it. */
  mg: string;
  /** Resource group names, in order. */
  groups: string[];
}

export interface ResolvedType {
  type: string;
  prefix: string;
  keys: string[];
  child?: { type: string; prefix: string; max: number; keys: string[] };
}

export interface Layout {
  seed: number;
  managementGroups: ManagementGroup[];
  subscriptions: Subscription[];
  types: ResolvedType[];
  typeWeights: number[];
  subscriptionKeys: string[];
  /** Top-level resources (units: a SQL server with its databases is one unit). */
  units: number;
  /** Assessment rows the units produce (the last unit may be cut short to hit the target). */
  rows: number;
  /** Every assessment key any resource gets (for exemptions at broad scopes). */
  allKeys: string[];
}

function resolveRules(rules: readonly KeyRule[], byControl: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const keys = byControl.get(r.control);
    if (!keys) throw new Error(`controls file has no control named "${r.control}" (the generator expects Azure's built-in controls)`);
    for (let i = 0; i < r.take; i++) {
      const k = keys[(r.from + i) % keys.length]!;
      if (!out.includes(k)) out.push(k);
    }
  }
  return out;
}

function managementGroups(random: () => number, leafCount: number): ManagementGroup[] {
  const mgs: ManagementGroup[] = [
    { name: TENANT_ID, displayName: "Tenant Root Group", parent: null },
    { name: "contoso", displayName: "Contoso", parent: TENANT_ID },
    { name: "contoso-platform", displayName: "Platform", parent: "contoso" },
    { name: "contoso-identity", displayName: "Identity", parent: "contoso-platform" },
    { name: "contoso-management", displayName: "Management", parent: "contoso-platform" },
    { name: "contoso-connectivity", displayName: "Connectivity", parent: "contoso-platform" },
    { name: "contoso-landingzones", displayName: "Landing Zones", parent: "contoso" },
    { name: "contoso-corp", displayName: "Corp", parent: "contoso-landingzones" },
    { name: "contoso-online", displayName: "Online", parent: "contoso-landingzones" },
    { name: "contoso-sandbox", displayName: "Sandboxes", parent: "contoso" },
    { name: "contoso-decommissioned", displayName: "Decommissioned", parent: "contoso" },
  ];
  // Regions under each archetype, business units under each region: the deepest subscriptions
  // sit six levels below the root.
  const regions = ["eu", "us", "apac"];
  const perRegion = Math.max(1, Math.ceil(leafCount / (2 * regions.length)));
  for (const arch of ["corp", "online"]) {
    for (const region of regions) {
      const rname = `contoso-${arch}-${region}`;
      mgs.push({ name: rname, displayName: `${arch === "corp" ? "Corp" : "Online"} ${region.toUpperCase()}`, parent: `contoso-${arch}` });
      for (let b = 1; b <= perRegion; b++) {
        const app = pick(random, APPS);
        mgs.push({ name: `${rname}-bu${String(b).padStart(2, "0")}`, displayName: `${region.toUpperCase()} ${app.toUpperCase()} business unit ${b}`, parent: rname });
      }
    }
  }
  return mgs;
}

export interface LayoutOptions {
  seed: number;
  assessments: number;
  /** Default: one per 2,000 assessments, between 5 and 500. */
  subscriptions?: number;
  controls: ControlsDocument;
}

/** Average assessment rows per top-level resource of a type mix (for sizing). */
function rowsOfUnit(t: ResolvedType, children: number): number {
  return t.keys.length + (t.child ? children * t.child.keys.length : 0);
}

export function buildLayout(o: LayoutOptions): Layout {
  if (!Number.isInteger(o.assessments) || o.assessments < 1) throw new Error("assessments: expected a whole number ≥ 1");
  const random = rng(o.seed);
  const byControl = keysByControl(o.controls);
  const types: ResolvedType[] = TYPES.map((t) => ({
    type: t.type,
    prefix: t.prefix,
    keys: resolveRules(t.rules, byControl),
    ...(t.child ? { child: { type: t.child.type, prefix: t.child.prefix, max: t.child.max, keys: resolveRules(t.child.rules, byControl) } } : {}),
  }));
  const subscriptionKeys = resolveRules(SUBSCRIPTION_RULES, byControl);
  const nSubs = o.subscriptions ?? Math.min(500, Math.max(5, Math.ceil(o.assessments / 2000)));
  const mgs = managementGroups(random, Math.ceil(nSubs / 8));
  const leaves = mgs.filter((m) => !mgs.some((c) => c.parent === m.name) && m.parent !== null);
  const platform = ["contoso-identity", "contoso-management", "contoso-connectivity"];
  const subscriptions: Subscription[] = [];
  for (let s = 0; s < nSubs; s++) {
    // A few platform and sandbox subscriptions, the rest spread over the business units.
    const mg = s < platform.length && nSubs > 6 ? platform[s]! : s % 17 === 5 ? "contoso-sandbox" : pick(random, leaves).name;
    const env = pick(random, ENVS);
    subscriptions.push({ id: guid(random), name: `${mg.replace(/^contoso-/, "")}-${env}-${String(s + 1).padStart(3, "0")}`, mg, groups: [] });
  }
  // Count units until the row target is reached (types only: cheap, nothing kept).
  let rows = nSubs * subscriptionKeys.length;
  let units = 0;
  const weights = TYPES.map((t) => t.weight);
  while (rows < o.assessments) {
    const u = unitShape(o.seed, units, types, weights);
    rows += rowsOfUnit(u.type, u.children);
    units++;
  }
  // Resource groups: about 40 resources each, named after an app and an environment.
  for (const sub of subscriptions) {
    const perSub = Math.ceil(units / nSubs);
    const n = Math.max(1, Math.ceil(perSub / 40));
    for (let g = 0; g < n; g++) sub.groups.push(`rg-${pick(random, APPS)}-${pick(random, ENVS)}-${String(g + 1).padStart(2, "0")}`);
  }
  const allKeys = [...new Set([...subscriptionKeys, ...types.flatMap((t) => [...t.keys, ...(t.child?.keys ?? [])])])].sort();
  return { seed: o.seed, managementGroups: mgs, subscriptions, types, typeWeights: weights, subscriptionKeys, units, rows: Math.min(rows, o.assessments), allKeys };
}

function unitShape(seed: number, unit: number, types: readonly ResolvedType[], weights: readonly number[]) {
  const random = rng(mix32(seed, unit));
  const ti = weighted(random, types.map((t, i) => [i, weights[i]!] as const));
  const type = types[ti]!;
  const children = type.child ? 1 + pickIndex(random, type.child.max) : 0;
  return { random, type, children };
}

// ---- resources ---------------------------------------------------------------------------

export interface Resource {
  id: string;
  type: string;
  name: string;
  subscription: Subscription;
  group: string | null;
  keys: readonly string[];
  /** Probability that an assessment of this resource is unhealthy (some teams lag behind). */
  unhealthyRate: number;
}

/** The subscription a unit belongs to: units are spread over subscriptions in contiguous blocks. */
export function subscriptionOfUnit(layout: Layout, unit: number): Subscription {
  const per = Math.ceil(layout.units / layout.subscriptions.length);
  return layout.subscriptions[Math.min(layout.subscriptions.length - 1, Math.floor(unit / per))]!;
}

/** Unit n: a top-level resource and its children (rebuilt from the seed, nothing stored). */
export function unitResources(layout: Layout, unit: number): Resource[] {
  const { random, type, children } = unitShape(layout.seed, unit, layout.types, layout.typeWeights);
  const sub = subscriptionOfUnit(layout, unit);
  const group = sub.groups[pickIndex(random, sub.groups.length)]!;
  const app = pick(random, APPS);
  const n = String(unit).padStart(6, "0");
  const name = type.prefix === "st" ? `st${app}${n}` : `${type.prefix}-${app}-${n}`;
  const unhealthyRate = weighted(random, [[0.08, 5], [0.3, 4], [0.7, 1]] as const);
  const id = `/subscriptions/${sub.id}/resourceGroups/${group}/providers/${type.type}/${name}`;
  const out: Resource[] = [{ id, type: type.type, name, subscription: sub, group, keys: type.keys, unhealthyRate }];
  if (type.child) {
    for (let c = 0; c < children; c++) {
      const cname = `${type.child.prefix}-${pick(random, APPS)}-${c + 1}`;
      out.push({ id: `${id}/${type.child.type}/${cname}`, type: `${type.type}/${type.child.type}`, name: cname, subscription: sub, group, keys: type.child.keys, unhealthyRate });
    }
  }
  return out;
}

export function subscriptionResource(layout: Layout, sub: Subscription): Resource {
  return { id: `/subscriptions/${sub.id}`, type: "Microsoft.Resources/subscriptions", name: sub.name, subscription: sub, group: null, keys: layout.subscriptionKeys, unhealthyRate: 0.3 };
}

// ---- assessment rows ---------------------------------------------------------------------

const STATUS_CHANGE = "2026-11-20T06:00:00.0000000Z";
const FIRST_SEEN = "2026-03-02T09:15:00.0000000Z";
const SEVERITIES = ["High", "Medium", "Low"];

/** One Azure Resource Graph `securityresources` assessment row, as `az graph query` returns it. */
export function assessmentRow(r: Resource, key: string, random: () => number): Record<string, unknown> {
  const x = random();
  const status: Record<string, string> = { code: "Healthy", statusChangeDate: STATUS_CHANGE, firstEvaluationDate: FIRST_SEEN };
  if (x < 0.06) {
    status.code = "NotApplicable";
    status.cause = "OffByPolicy";
    status.description = "The effective policy for the assessment was evaluated to off";
  } else if (x < 0.07) {
    // Already exempt in Azure: with no file covering it the evaluator reports drift.
    status.code = "NotApplicable";
    status.cause = "Exempt";
    status.description = "This assessment is exempted (Microsoft.Authorization/policyExemptions)";
  } else if (random() < r.unhealthyRate) {
    status.code = "Unhealthy";
  }
  return {
    id: `${r.id}/providers/Microsoft.Security/assessments/${key}`,
    name: key,
    type: "microsoft.security/assessments",
    tenantId: TENANT_ID,
    kind: "",
    location: "",
    resourceGroup: r.group ? r.group.toLowerCase() : "",
    subscriptionId: r.subscription.id,
    managedBy: "",
    sku: null,
    plan: null,
    properties: {
      resourceDetails: { Source: "Azure", Id: r.id, ResourceType: r.type, ResourceName: r.name, ResourceProvider: r.type.split("/")[0]!.toLowerCase() },
      displayName: "",
      status,
      additionalData: {},
      metadata: { assessmentType: "BuiltIn", severity: SEVERITIES[Math.floor(random() * 3)] },
    },
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

/**
 * Every assessment row of the tenant, in order: each subscription's own assessments, then its
 * resources unit by unit (a resource's rows are adjacent, as Resource Graph tends to return them).
 * Stops at exactly layout.rows rows. A generator: the caller writes rows as they come.
 */
export function* assessmentRows(layout: Layout): Generator<Record<string, unknown>> {
  let emitted = 0;
  const per = Math.ceil(layout.units / layout.subscriptions.length);
  for (let s = 0; s < layout.subscriptions.length && emitted < layout.rows; s++) {
    const sub = layout.subscriptions[s]!;
    const random = rng(mix32(layout.seed ^ 0x5b5b, s));
    const subRes = subscriptionResource(layout, sub);
    for (const key of subRes.keys) {
      if (emitted >= layout.rows) return;
      emitted++;
      yield assessmentRow(subRes, key, random);
    }
    for (let u = s * per; u < Math.min(layout.units, (s + 1) * per); u++) {
      const unitRandom = rng(mix32(layout.seed ^ 0xa11, u));
      for (const r of unitResources(layout, u)) {
        for (const key of r.keys) {
          if (emitted >= layout.rows) return;
          emitted++;
          yield assessmentRow(r, key, unitRandom);
        }
      }
    }
  }
}

// ---- the tree ----------------------------------------------------------------------------

function chainOf(layout: Layout, mg: string): { name: string; displayName: string }[] {
  const byName = new Map(layout.managementGroups.map((m) => [m.name, m]));
  const out: { name: string; displayName: string }[] = [];
  for (let m = byName.get(mg); m; m = m.parent ? byName.get(m.parent) : undefined) out.push({ name: m.name, displayName: m.displayName });
  return out;
}

/** Resource Graph `resourcecontainers` rows: subscriptions, resource groups, management groups. */
export function treeRows(layout: Layout): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const s of layout.subscriptions) {
    rows.push({
      id: `/subscriptions/${s.id}`,
      name: s.name,
      type: "microsoft.resources/subscriptions",
      tenantId: TENANT_ID,
      subscriptionId: s.id,
      properties: { state: "Enabled", managementGroupAncestorsChain: chainOf(layout, s.mg) },
    });
    for (const g of s.groups) {
      rows.push({
        id: `/subscriptions/${s.id}/resourceGroups/${g}`,
        name: g,
        type: "microsoft.resources/subscriptions/resourcegroups",
        tenantId: TENANT_ID,
        subscriptionId: s.id,
        resourceGroup: g.toLowerCase(),
        location: "westeurope",
        properties: { provisioningState: "Succeeded" },
      });
    }
  }
  for (const m of layout.managementGroups) {
    rows.push({
      id: `/providers/Microsoft.Management/managementGroups/${m.name}`,
      name: m.name,
      type: "microsoft.management/managementgroups",
      tenantId: TENANT_ID,
      properties: { displayName: m.displayName, details: { managementGroupAncestorsChain: m.parent ? chainOf(layout, m.parent) : [] } },
    });
  }
  return rows;
}
