// Azure scope IDs: parsing, normalisation, comparison and ancestry.
//
// Every function here is pure. Azure compares resource IDs case-insensitively, so each parsed scope
// carries two spellings: `id`, canonical but keeping the user's case for names (for display), and
// `key`, the lower-cased `id` (for comparison and as a map key). A malformed ID is returned as an
// error value (never thrown) that names the offending part and its character offset, so callers
// can point at the exact column in the file the ID came from.

/** The levels of the Azure scope tree, plus the pseudo-scope `global` that covers everything. */
export type ScopeLevel = "global" | "managementGroup" | "subscription" | "resourceGroup" | "resource";

/** Covers every resource in every subscription, current and future. */
export interface GlobalScope {
  readonly level: "global";
  readonly id: "global";
  readonly key: "global";
}

/** `/providers/Microsoft.Management/managementGroups/{name}` */
export interface ManagementGroupScope {
  readonly level: "managementGroup";
  readonly id: string;
  readonly key: string;
  readonly managementGroup: string;
}

/** `/subscriptions/{guid}` (the GUID is normalised to lower case). */
export interface SubscriptionScope {
  readonly level: "subscription";
  readonly id: string;
  readonly key: string;
  readonly subscriptionId: string;
}

/** `/subscriptions/{guid}/resourceGroups/{name}` */
export interface ResourceGroupScope {
  readonly level: "resourceGroup";
  readonly id: string;
  readonly key: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}

/**
 * One `{type}/{name}` step of a resource ID. `opensProvider` is true where the step follows a
 * `providers/{namespace}` pair: the first step, and the first step of an extension resource such as
 * `…/virtualMachines/vm1/providers/Microsoft.Security/assessments/{key}`.
 */
export interface ResourceSegment {
  readonly namespace: string;
  readonly type: string;
  readonly name: string;
  readonly opensProvider: boolean;
}

/**
 * A resource, possibly a nested child (`…/servers/s1/databases/db1`) or an extension resource.
 * `resourceGroup` is null for resources that live directly in a subscription.
 */
export interface ResourceScope {
  readonly level: "resource";
  readonly id: string;
  readonly key: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string | null;
  /** Outermost first; never empty. */
  readonly segments: readonly ResourceSegment[];
  /** Full type of the innermost resource, e.g. `Microsoft.Sql/servers/databases`. */
  readonly type: string;
  /** Name of the innermost resource, e.g. `db1`. */
  readonly name: string;
}

/** A parsed scope: a discriminated union on `level`. */
export type Scope =
  | GlobalScope
  | ManagementGroupScope
  | SubscriptionScope
  | ResourceGroupScope
  | ResourceScope;

/** Why a scope ID could not be parsed. */
export interface ScopeError {
  /** The text that was parsed. */
  readonly input: string;
  /** 0-based character offset of the offending part in `input`. */
  readonly offset: number;
  /** The offending part (a path segment), possibly empty. */
  readonly part: string;
  /** What is wrong, as a sentence naming the part. */
  readonly message: string;
  /** What would have been accepted at that place. */
  readonly expected: string;
}

export type ScopeResult =
  | { readonly ok: true; readonly scope: Scope }
  | { readonly ok: false; readonly error: ScopeError };

export const GLOBAL_SCOPE: GlobalScope = Object.freeze({ level: "global", id: "global", key: "global" });

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Azure: resource group names are 1-90 letters, digits, '_', '-', '.', '(' or ')', not ending in '.'.
const RESOURCE_GROUP = /^[-\w.()\p{L}\p{N}]{1,90}$/u;
// Azure: management group IDs are 1-90 letters, digits, '_', '-', '.', '(' or ')'.
const MANAGEMENT_GROUP = /^[-\w.()]{1,90}$/;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

interface Part {
  readonly text: string;
  readonly offset: number;
}

class ScopeParseError {
  constructor(readonly error: ScopeError) {}
}

function fail(input: string, part: Part, message: string, expected: string): never {
  throw new ScopeParseError({ input, offset: part.offset, part: part.text, message, expected });
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Parse an Azure scope ID of any level, or the word `global` (in any case).
 * Keywords (`subscriptions`, `resourceGroups`, `providers`) are matched case-insensitively and
 * written canonically in `id`; one trailing slash is ignored.
 */
export function parseScope(text: string): ScopeResult {
  try {
    return { ok: true, scope: parseOrThrow(text) };
  } catch (e) {
    if (e instanceof ScopeParseError) return { ok: false, error: e.error };
    throw e;
  }
}

/** Like {@link parseScope} but for trusted input: throws an Error with the message on failure. */
export function mustParseScope(text: string): Scope {
  const r = parseScope(text);
  if (!r.ok) throw new Error(formatScopeError(r.error));
  return r.scope;
}

/** One-line description of a scope error, e.g. for a diagnostic message. */
export function formatScopeError(e: ScopeError): string {
  return `${e.message}; expected ${e.expected}`;
}

function splitParts(input: string): Part[] {
  const parts: Part[] = [];
  let start = 1; // skip the leading '/'
  let end = input.length;
  if (end > 1 && input.endsWith("/")) end -= 1;
  for (let i = 1; i <= end; i++) {
    if (i === end || input[i] === "/") {
      parts.push({ text: input.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return parts;
}

function parseOrThrow(input: string): Scope {
  const whole: Part = { text: input, offset: 0 };
  if (input.trim() === "") fail(input, whole, "the scope is empty", "`global` or an Azure ID starting with '/'");
  if (input !== input.trim()) {
    fail(input, whole, "the scope has leading or trailing whitespace", "the ID without surrounding spaces");
  }
  if (same(input, "global")) return GLOBAL_SCOPE;
  if (!input.startsWith("/")) {
    fail(input, whole, `'${input}' is neither \`global\` nor an Azure ID`, "`global` or an Azure ID starting with '/'");
  }
  if (input === "/") fail(input, whole, "'/' alone is not a scope", "an Azure ID such as /subscriptions/{guid}");
  const parts = splitParts(input);
  for (const p of parts) {
    if (p.text === "") fail(input, p, `empty path segment at character ${p.offset + 1} (a doubled '/')`, "one '/' between segments");
    if (CONTROL.test(p.text)) fail(input, p, `segment '${p.text}' contains a control character`, "printable characters");
    if (p.text !== p.text.trim()) fail(input, p, `segment '${p.text}' has leading or trailing whitespace`, "no spaces around '/'");
  }
  const first = parts[0]!;
  if (same(first.text, "subscriptions")) return parseUnderSubscription(input, parts);
  if (same(first.text, "providers")) return parseManagementGroup(input, parts);
  return fail(
    input,
    first,
    `unknown scope level '${first.text}'`,
    "'subscriptions' or 'providers' (for /providers/Microsoft.Management/managementGroups/{name})",
  );
}

function parseManagementGroup(input: string, parts: Part[]): ManagementGroupScope {
  const ns = parts[1];
  const type = parts[2];
  const name = parts[3];
  const expected = "/providers/Microsoft.Management/managementGroups/{name}";
  if (ns === undefined) fail(input, parts[0]!, "'providers' must be followed by a namespace", expected);
  if (!same(ns.text, "Microsoft.Management")) {
    fail(input, ns, `unknown scope level: tenant-level namespace '${ns.text}' is not a scope (only management groups are)`, expected);
  }
  if (type === undefined || !same(type.text, "managementGroups")) {
    fail(input, type ?? ns, `expected 'managementGroups' after 'Microsoft.Management'${type ? `, got '${type.text}'` : ""}`, expected);
  }
  if (name === undefined) fail(input, type, "the management group name is missing", expected);
  if (!MANAGEMENT_GROUP.test(name.text) || name.text.endsWith(".")) {
    fail(input, name, `management group name '${name.text}' is malformed`, "1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'");
  }
  const extra = parts[4];
  if (extra !== undefined) fail(input, extra, `unexpected '${extra.text}' after the management group name`, "the ID to end after the management group name");
  const id = `/providers/Microsoft.Management/managementGroups/${name.text}`;
  return { level: "managementGroup", id, key: id.toLowerCase(), managementGroup: name.text };
}

function parseUnderSubscription(input: string, parts: Part[]): SubscriptionScope | ResourceGroupScope | ResourceScope {
  const sub = parts[1];
  if (sub === undefined) fail(input, parts[0]!, "the subscription ID is missing after 'subscriptions'", "a subscription GUID");
  if (!GUID.test(sub.text)) {
    fail(input, sub, `subscription ID '${sub.text}' is not a GUID`, "a GUID like 00000000-0000-0000-0000-000000000000");
  }
  const subscriptionId = sub.text.toLowerCase();
  const next = parts[2];
  if (next === undefined) return subscriptionScope(subscriptionId);
  if (same(next.text, "resourceGroups")) {
    const rg = parts[3];
    if (rg === undefined) fail(input, next, "the resource group name is missing after 'resourceGroups'", "a resource group name");
    if (!RESOURCE_GROUP.test(rg.text) || rg.text.endsWith(".")) {
      fail(input, rg, `resource group name '${rg.text}' is malformed`, "1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'");
    }
    const group = resourceGroupScope(subscriptionId, rg.text);
    if (parts.length === 4) return group;
    return parseResource(input, parts, 4, subscriptionId, rg.text, group.id);
  }
  if (same(next.text, "providers")) return parseResource(input, parts, 2, subscriptionId, null, subscriptionScope(subscriptionId).id);
  return fail(input, next, `unexpected '${next.text}' after the subscription ID`, "'resourceGroups' or 'providers'");
}

function parseResource(
  input: string,
  parts: Part[],
  start: number,
  subscriptionId: string,
  resourceGroup: string | null,
  prefix: string,
): ResourceScope {
  const segments: ResourceSegment[] = [];
  let i = start;
  while (i < parts.length) {
    const providers = parts[i]!;
    if (!same(providers.text, "providers")) {
      fail(input, providers, `unexpected '${providers.text}'`, "'providers' followed by a namespace, a type and a name");
    }
    const ns = parts[i + 1];
    if (ns === undefined) fail(input, providers, "'providers' must be followed by a namespace", "a namespace such as Microsoft.Compute");
    if (!NAMESPACE.test(ns.text)) {
      fail(input, ns, `resource provider namespace '${ns.text}' is malformed`, "a dotted namespace such as Microsoft.Compute");
    }
    i += 2;
    let opensProvider = true;
    // Read {type}/{name} pairs until the next `providers` (an extension resource) or the end.
    while (i < parts.length && !same(parts[i]!.text, "providers")) {
      const type = parts[i]!;
      const name = parts[i + 1];
      if (!RESOURCE_TYPE.test(type.text)) {
        fail(input, type, `resource type '${type.text}' is malformed`, "a type name of letters and digits such as virtualMachines");
      }
      if (name === undefined) fail(input, type, `resource type '${type.text}' has no name after it`, `a name after '${type.text}/'`);
      segments.push({ namespace: ns.text, type: type.text, name: name.text, opensProvider });
      opensProvider = false;
      i += 2;
    }
    if (opensProvider) {
      fail(input, ns, `namespace '${ns.text}' is not followed by a resource type and name`, `'${ns.text}/{type}/{name}'`);
    }
  }
  return makeResource(subscriptionId, resourceGroup, prefix, segments);
}

/** `subscriptionId` is already lower case. */
function subscriptionScope(subscriptionId: string): SubscriptionScope {
  const id = `/subscriptions/${subscriptionId}`;
  return { level: "subscription", id, key: id.toLowerCase(), subscriptionId };
}

function resourceGroupScope(subscriptionId: string, resourceGroup: string): ResourceGroupScope {
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  return { level: "resourceGroup", id, key: id.toLowerCase(), subscriptionId, resourceGroup };
}

/** The scope a resource lives in directly: its resource group, or its subscription. */
function containerOf(subscriptionId: string, resourceGroup: string | null): SubscriptionScope | ResourceGroupScope {
  return resourceGroup === null ? subscriptionScope(subscriptionId) : resourceGroupScope(subscriptionId, resourceGroup);
}

function makeResource(
  subscriptionId: string,
  resourceGroup: string | null,
  prefix: string,
  segments: readonly ResourceSegment[],
): ResourceScope {
  let id = prefix;
  for (const s of segments) id += s.opensProvider ? `/providers/${s.namespace}/${s.type}/${s.name}` : `/${s.type}/${s.name}`;
  const last = segments[segments.length - 1]!;
  // The innermost type runs from the last step that opened a provider to the end.
  let from = segments.length - 1;
  while (!segments[from]!.opensProvider) from--;
  const type = [last.namespace, ...segments.slice(from).map((s) => s.type)].join("/");
  return { level: "resource", id, key: id.toLowerCase(), subscriptionId, resourceGroup, segments, type, name: last.name };
}

/** Case-insensitive equality of two scopes (Azure IDs are case-insensitive). */
export function sameScope(a: Scope, b: Scope): boolean {
  return a.key === b.key;
}

/** Case-insensitive equality of two scope texts; false when either does not parse. */
export function sameScopeText(a: string, b: string): boolean {
  const x = parseScope(a);
  const y = parseScope(b);
  return x.ok && y.ok && x.scope.key === y.scope.key;
}

/**
 * The scope directly above, as far as the ID itself tells: a child resource's parent resource, an
 * extension resource's extended resource, a resource's group (or subscription), a group's
 * subscription. Subscriptions and management groups return null: their parents come from the
 * management group tree (see {@link ancestry}). Global has no parent.
 */
export function parentOf(scope: Scope): Scope | null {
  switch (scope.level) {
    case "global":
    case "managementGroup":
    case "subscription":
      return null;
    case "resourceGroup":
      return subscriptionScope(scope.subscriptionId);
    case "resource": {
      const container = containerOf(scope.subscriptionId, scope.resourceGroup);
      if (scope.segments.length === 1) return container;
      return makeResource(scope.subscriptionId, scope.resourceGroup, container.id, scope.segments.slice(0, -1));
    }
  }
}

/** Options for {@link ancestry} and {@link isWithin}. */
export interface AncestryOptions {
  /**
   * The management groups above the topmost part of the ID, nearest first, as in Azure Resource
   * Graph's `properties.managementGroupAncestorsChain`: for a subscription-rooted ID the chain above
   * the subscription, for a management group the chain above that group. Each entry is a
   * management group name or its full ID. Entries that are malformed are an error (thrown), since
   * they come from a tree file the caller has loaded.
   */
  readonly managementGroupChain?: readonly string[];
}

/** Turn a management group name or ID into its scope, or an error. */
export function parseManagementGroupRef(nameOrId: string): ScopeResult {
  const text = nameOrId.startsWith("/") ? nameOrId : `/providers/Microsoft.Management/managementGroups/${nameOrId}`;
  const r = parseScope(text);
  if (r.ok && r.scope.level !== "managementGroup") {
    return {
      ok: false,
      error: { input: nameOrId, offset: 0, part: nameOrId, message: `'${nameOrId}' is not a management group`, expected: "a management group name or ID" },
    };
  }
  return r;
}

/**
 * The scope itself followed by every scope above it, nearest first: child resource → parent
 * resources → resource group → subscription → the given management group chain. `global` is not
 * part of any chain (it is no place in the tree); {@link isWithin} treats it as containing all.
 */
export function ancestry(scope: Scope, options: AncestryOptions = {}): Scope[] {
  const chain: Scope[] = [];
  for (let s: Scope | null = scope; s !== null; s = parentOf(s)) chain.push(s);
  if (scope.level !== "global") {
    for (const mg of options.managementGroupChain ?? []) {
      const r = parseManagementGroupRef(mg);
      if (!r.ok) throw new Error(`management group chain: ${formatScopeError(r.error)}`);
      chain.push(r.scope);
    }
  }
  return chain;
}

/**
 * Whether `inner` lies at or beneath `outer`. Everything is within `global`; `global` is within
 * nothing but itself. Management group containment needs `managementGroupChain` for `inner`.
 */
export function isWithin(inner: Scope, outer: Scope, options: AncestryOptions = {}): boolean {
  if (outer.level === "global") return true;
  if (inner.level === "global") return false;
  return ancestry(inner, options).some((s) => s.key === outer.key);
}

/**
 * Rank of a level, from broadest (global = 0) to narrowest (resource = 4): the order used to pick
 * the most specific of several scopes. Nearest-management-group ordering needs the chain and is
 * left to the caller.
 */
export function levelRank(level: ScopeLevel): number {
  switch (level) {
    case "global":
      return 0;
    case "managementGroup":
      return 1;
    case "subscription":
      return 2;
    case "resourceGroup":
      return 3;
    case "resource":
      return 4;
  }
}

/** Whether a text is a GUID (any case), as used for subscription IDs and assessment keys. */
export function isGuid(text: string): boolean {
  return GUID.test(text);
}
