// Exemption files for the benchmark tenant: every scope level (global, management group,
// subscription, resource group, resource, child resource), both categories and every
// justification, single- and multi-scope files, some expired or canceled records. Pure: returns
// drafts; the caller renders them with the project's own renderExemption.
//
// The set is valid by construction against the schema and the cross-file checks: names are
// unique and match their file, justification agrees with category, waivers expire within the
// default 365 days of `at`, and no (recommendation, scope) pair appears in two files. Nested
// scopes on one recommendation (a resource group inside an exempted subscription) do occur, as
// in real tenants; the generated config sets `overlap: warn` for them.

import type { ExemptionDraft } from "../exemptions/render.js";
import { CATEGORY_OF_JUSTIFICATION, type Justification } from "../exemptions/types.js";
import { pick, pickIndex, rng, weighted } from "./random.js";
import { subscriptionResource, unitResources, type Layout } from "./tenant.js";

export type ScopeLevel = "global" | "managementGroup" | "subscription" | "resourceGroup" | "resource";

export interface GeneratedExemption {
  level: ScopeLevel;
  draft: ExemptionDraft;
}

const JUSTIFICATIONS: readonly (readonly [Justification, number])[] = [
  ["third_party_control", 25],
  ["alternate_mitigation", 20],
  ["false_positive", 5],
  ["risk_accepted", 30],
  ["planned_remediation", 15],
  ["business_need", 5],
];


const REASONS: Record<Justification, string[]> = {
  third_party_control: ["Covered by the CrowdStrike Falcon agent rolled out by the endpoint team.", "Traffic inspected by the Palo Alto firewalls in the hub network.", "Keys held in the on-premises HSM through the EKM provider."],
  alternate_mitigation: ["Access limited to the jump hosts behind Privileged Identity Management.", "Network isolated: no public IP, private endpoints only.", "Compensating control: nightly configuration scan by the platform team."],
  false_positive: ["The resource is a honeypot; the finding is expected.", "Agent reports through the legacy workspace, which Defender does not read."],
  risk_accepted: ["Legacy workload scheduled for retirement; risk accepted by the business owner.", "Vendor appliance that cannot be changed without voiding support."],
  planned_remediation: ["Fix scheduled in the next maintenance window.", "Migration to the new landing zone planned this quarter."],
  business_need: ["Required by a partner integration that cannot use the secure option yet."],
};

const TEAMS = ["platform", "data-platform", "web-team", "sre", "network", "identity", "finance-it", "hr-systems"];

export interface ExemptionOptions {
  count: number;
  seed: number;
  at: Date;
  /** Global exemptions (org-wide, rare): default min(3, count / 1000 rounded up). */
  globals?: number;
}

const DAY = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A management group's Azure ID (the scope form used in files). */
function mgScope(name: string): string {
  return `/providers/Microsoft.Management/managementGroups/${name}`;
}

/**
 * Generate `count` exemptions over the layout. Throws when the tenant is too small to hold that
 * many distinct (recommendation, scope) pairs (raise --assessments).
 */
export function generateExemptions(layout: Layout, o: ExemptionOptions): GeneratedExemption[] {
  const random = rng(o.seed ^ 0xe3e3);
  const used = new Set<string>();
  const out: GeneratedExemption[] = [];
  const globals = Math.min(o.count, o.globals ?? Math.min(3, Math.ceil(o.count / 1000)));
  const mgs = layout.managementGroups.filter((m) => m.parent !== null);
  const atMs = o.at.getTime();

  /** Scopes and keys for one exemption at a level, or null when the draw collided. */
  const draw = (level: ScopeLevel): { scopes: string[]; keys: string[]; app: string } | null => {
    const multi = level !== "global" && random() < 0.2 ? 2 + pickIndex(random, 3) : 1;
    let keyPool: readonly string[];
    const scopes: string[] = [];
    let app = "tenant";
    if (level === "global") {
      // Org-wide exemptions are for tenant-wide controls (MFA through a third-party identity
      // provider, say): the subscription-level recommendations.
      keyPool = layout.subscriptionKeys;
      scopes.push("global");
    } else if (level === "managementGroup") {
      keyPool = layout.allKeys;
      for (let i = 0; i < multi; i++) {
        const m = pick(random, mgs);
        scopes.push(mgScope(m.name));
        app = m.name.replace(/^contoso-/, "");
      }
    } else if (level === "subscription" || level === "resourceGroup") {
      keyPool = layout.allKeys;
      for (let i = 0; i < multi; i++) {
        const sub = pick(random, layout.subscriptions);
        if (level === "subscription") {
          scopes.push(subscriptionResource(layout, sub).id);
          app = sub.name.split("-")[0]!;
        } else {
          const g = pick(random, sub.groups);
          scopes.push(`/subscriptions/${sub.id}/resourceGroups/${g}`);
          app = g.split("-")[1] ?? "rg";
        }
      }
    } else {
      // Resources: the keys that actually apply to the first resource, so the exemption matches.
      const first = unitResources(layout, pickIndex(random, layout.units));
      const r = pick(random, first);
      keyPool = r.keys;
      scopes.push(r.id);
      app = r.name.split("-")[1] ?? r.name.slice(2, 6);
      for (let i = 1; i < multi; i++) {
        // More resources of the same type (a fleet exempted in one file).
        const more = unitResources(layout, pickIndex(random, layout.units)).filter((x) => x.type === r.type);
        if (more.length > 0) scopes.push(pick(random, more).id);
      }
    }
    const nKeys = Math.min(keyPool.length, random() < 0.15 ? 2 + pickIndex(random, 2) : 1);
    const keys: string[] = [];
    for (let tries = 0; keys.length < nKeys && tries < 10; tries++) {
      const k = pick(random, keyPool);
      if (!keys.includes(k)) keys.push(k);
    }
    // Some people paste IDs in another case: Azure IDs are case-insensitive.
    const uniqueScopes = [...new Set(scopes.map((s) => (level !== "global" && random() < 0.1 ? s.toLowerCase() : s)))];
    const deduped = uniqueScopes.filter((s, i) => uniqueScopes.findIndex((x) => x.toLowerCase() === s.toLowerCase()) === i);
    for (const k of keys) for (const s of deduped) if (used.has(`${k} ${s.toLowerCase()}`)) return null;
    for (const k of keys) for (const s of deduped) used.add(`${k} ${s.toLowerCase()}`);
    return { scopes: deduped, keys, app };
  };

  let misses = 0;
  while (out.length < o.count) {
    const level: ScopeLevel =
      out.length < globals ? "global" : weighted(random, [["managementGroup", 2], ["subscription", 8], ["resourceGroup", 25], ["resource", 65]] as const);
    const d = draw(level);
    if (!d) {
      if (++misses > 50 * o.count + 1000) throw new Error(`cannot place ${o.count} distinct exemptions in this tenant: raise --assessments`);
      continue;
    }
    const n = out.length + 1;
    const justification = weighted(random, JUSTIFICATIONS);
    const category = CATEGORY_OF_JUSTIFICATION[justification];
    const abbr = { global: "glb", managementGroup: "mg", subscription: "sub", resourceGroup: "rg", resource: "res" }[level];
    const name = `${abbr}-${d.app}-${d.keys[0]!.slice(0, 8)}-${String(n).padStart(6, "0")}`.toLowerCase().replace(/[^a-z0-9-]/g, "");
    // Expiry: waivers within 365 days of `at`; mitigations often open-ended; a few records have
    // already expired (kept as history) or were canceled.
    const record = random();
    let expiresOn: string | undefined;
    let status: "canceled" | undefined;
    if (record < 0.04) {
      expiresOn = isoDate(atMs - (1 + pickIndex(random, 200)) * DAY);
    } else if (category === "waiver") {
      expiresOn = isoDate(atMs + (14 + pickIndex(random, 340)) * DAY);
    } else if (random() < 0.6) {
      expiresOn = isoDate(atMs + (60 + pickIndex(random, 600)) * DAY);
    }
    if (record > 0.98) status = "canceled";
    const team = pick(random, TEAMS);
    out.push({
      level,
      draft: {
        name,
        displayName: `${category === "mitigated" ? "Mitigated" : "Waiver"}: ${d.keys.length} recommendation${d.keys.length > 1 ? "s" : ""} on ${d.scopes.length} ${level} scope${d.scopes.length > 1 ? "s" : ""}`,
        description: pick(random, REASONS[justification]),
        recommendations: d.keys,
        scopes: d.scopes,
        category,
        justification,
        ...(expiresOn ? { expiresOn } : {}),
        owner: `${team}@contoso.com`,
        ...(random() < 0.8 ? { ticket: `SEC-${1000 + n}` } : {}),
        ...(status ? { status } : {}),
      },
    });
  }
  return out;
}

/** The organisation config written next to the data (as policies/config.example.yaml). */
export const BENCH_CONFIG = `# Organisation rules for the generated benchmark tenant (see policies/config.example.yaml).
categories:
  waiver:
    require_expiry: true
    max_days: 365
  mitigated:
    require_expiry: false
    max_days: 730
# Nested scopes on one recommendation happen in large tenants: report them, do not deny.
overlap: warn
`;
