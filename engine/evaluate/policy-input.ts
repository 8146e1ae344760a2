// Building the policies' input documents from loaded data. Pure functions: the only job here is
// to normalise (lower-case keys, times in ms, scope ancestry from the tree), never to decide.

import type { Exemption } from "../exemptions/types.js";
import type { ManagementTree } from "../inputs/tree.js";
import type { AssessmentMetadata } from "../inputs/metadata.js";
import { ancestry, parentOf, parseManagementGroupRef, parseScope, type Scope } from "../scope/index.js";
import type { PolicyExemption, PolicyScope, ValidationExemption, ValidationInput } from "./types.js";

export function toPolicyExemption(e: Exemption): PolicyExemption {
  return {
    name: e.name,
    recommendations: e.recommendations.map((k) => k.toLowerCase()),
    scopes: e.scopes.map((s) => s.key),
    category: e.category,
    justification: e.justification,
    expires_ms: e.expiresOn ? e.expiresOn.getTime() : null,
    status: e.status,
  };
}

/**
 * The exemption as the decision policy sees it, with the metadata's assessment type of each of its
 * recommendations (DESIGN.md §1: only built-in recommendations can be exempted; the policy decides
 * what the type means). Without metadata nothing is known, and nothing is added.
 */
export function toDecisionExemption(e: Exemption, metadata: ReadonlyMap<string, AssessmentMetadata> | null): PolicyExemption {
  const p = toPolicyExemption(e);
  if (!metadata) return p;
  const types: Record<string, string> = {};
  for (const key of p.recommendations) {
    const m = metadata.get(key);
    if (m) types[key] = m.assessmentType;
  }
  return { ...p, assessment_types: types };
}

function managementGroupKey(name: string): string {
  const r = parseManagementGroupRef(name);
  return r.ok ? r.scope.key : `/providers/microsoft.management/managementgroups/${name.toLowerCase()}`;
}

/** The management groups above a scope, nearest first, per the tree ([] when unknown). */
function treeAncestors(scope: Scope, tree: ManagementTree | null): string[] {
  if (!tree) return [];
  if (scope.level === "managementGroup") return (tree.managementGroups.get(scope.managementGroup.toLowerCase()) ?? []).map(managementGroupKey);
  if (scope.level === "global") return [];
  return subscriptionGroupKeys(scope.subscriptionId.toLowerCase(), tree);
}

export function toPolicyScope(scope: Scope, tree: ManagementTree | null): PolicyScope {
  const above: string[] = [];
  for (let p = parentOf(scope); p !== null; p = parentOf(p)) above.push(p.key);
  above.push(...treeAncestors(scope, tree));
  return {
    key: scope.key,
    level: scope.level,
    ancestors: above,
    subscription: scope.level === "global" || scope.level === "managementGroup" ? null : scope.subscriptionId.toLowerCase(),
    management_group: scope.level === "managementGroup" ? scope.managementGroup.toLowerCase() : null,
  };
}

export function toValidationExemption(e: Exemption, tree: ManagementTree | null): ValidationExemption {
  return { ...toPolicyExemption(e), file: e.file, scopes: e.scopes.map((s) => toPolicyScope(s, tree)) };
}

export function validationInput(
  exemptions: readonly Exemption[],
  at: Date,
  metadata: ReadonlyMap<string, AssessmentMetadata> | null,
  tree: ManagementTree | null,
): ValidationInput {
  return {
    at_ms: at.getTime(),
    exemptions: exemptions.map((e) => toValidationExemption(e, tree)),
    metadata: metadata
      ? Object.fromEntries([...metadata.values()].map((m) => [m.key, { assessment_type: m.assessmentType, display_name: m.displayName }]))
      : null,
    tree: tree
      ? {
          subscriptions: Object.fromEntries([...tree.subscriptions.keys()].map((k) => [k, true as const])),
          management_groups: Object.fromEntries([...tree.managementGroups.keys()].map((k) => [k, true as const])),
        }
      : null,
  };
}

// Most resource IDs in an export have one common shape (a resource group, one provider, plain
// type and name segments); for those the chain is the ID's own prefixes, found by slicing instead
// of parsing: measured 542 ms → 56 ms for 33 k resources, the same chains. Anything else
// (extension resources, no resource group, unusual characters) goes through the scope parser,
// which also says what is wrong with a malformed ID.
const COMMON_RESOURCE =
  /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/resourcegroups\/[-\w.()]{0,89}[-\w()]\/providers\/[a-z][a-z0-9]*(?:\.[a-z][a-z0-9]*)+(?:\/(?!providers\/)[a-z][a-z0-9_-]*\/[!-.0-~]+)+$/;

/** The ancestry keys of a lower-cased resource ID of the common shape, or null. */
export function commonResourceChain(key: string): string[] | null {
  if (!COMMON_RESOURCE.test(key)) return null;
  // "/subscriptions/{guid}" is 51 characters and "/resourcegroups/" 16; "/providers/" is 11.
  const rgEnd = key.indexOf("/", 67);
  const nsEnd = key.indexOf("/", rgEnd + 11);
  const out = [key];
  for (let end = key.length; ; ) {
    const typeStart = key.lastIndexOf("/", key.lastIndexOf("/", end - 1) - 1);
    if (typeStart <= nsEnd) break;
    end = typeStart;
    out.push(key.slice(0, end));
  }
  out.push(key.slice(0, rgEnd), key.slice(0, 51));
  return out;
}

// Management group keys per subscription, per tree: parsed once, not once per resource.
const groupKeysByTree = new WeakMap<ManagementTree, Map<string, string[]>>();

function subscriptionGroupKeys(subscriptionId: string, tree: ManagementTree | null): string[] {
  if (!tree) return [];
  let bySub = groupKeysByTree.get(tree);
  if (!bySub) groupKeysByTree.set(tree, (bySub = new Map()));
  let keys = bySub.get(subscriptionId);
  if (!keys) bySub.set(subscriptionId, (keys = (tree.subscriptions.get(subscriptionId)?.ancestors ?? []).map(managementGroupKey)));
  return keys;
}

/**
 * The chain of scope keys for an assessed resource: the resource, its parent resources, its
 * resource group, its subscription, then the subscription's management groups nearest first.
 * A resource ID the scope parser rejects still gets [itself, subscription, groups…] so that
 * subscription- and group-level exemptions apply; `malformed` tells the caller to report it.
 */
export function resourceChain(resourceKey: string, subscriptionId: string, tree: ManagementTree | null): { chain: string[]; malformed: string | null } {
  const mgs = subscriptionGroupKeys(subscriptionId, tree);
  const common = commonResourceChain(resourceKey);
  if (common) return { chain: common.concat(mgs), malformed: null };
  const parsed = parseScope(resourceKey);
  if (!parsed.ok) {
    return { chain: [resourceKey, `/subscriptions/${subscriptionId}`, ...mgs], malformed: parsed.error.message };
  }
  return { chain: [...ancestry(parsed.scope).map((s) => s.key), ...mgs], malformed: null };
}
