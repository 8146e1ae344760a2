// The management-group tree, from Azure Resource Graph `resourcecontainers` rows:
//   subscriptions:     type microsoft.resources/subscriptions, subscriptionId,
//                      properties.managementGroupAncestorsChain [{name, displayName}] nearest first
//   management groups: type microsoft.management/managementgroups, name,
//                      properties.details.managementGroupAncestorsChain (optional, nearest first)
// Other rows (resource groups…) are skipped and counted.

import type { IssueLog } from "./issues.js";
import { readRows } from "./rows.js";
import { asObject } from "./json-file.js";

export interface SubscriptionNode {
  id: string; // lower-cased GUID
  displayName: string | null;
  /** Management group names (lower-cased), nearest first, the tenant root last. */
  ancestors: string[];
}

export interface ManagementTree {
  subscriptions: Map<string, SubscriptionNode>;
  /** Every management group named anywhere (lower-cased) → its ancestors when known. */
  managementGroups: Map<string, string[]>;
  /** Display names of management groups, for reports. */
  managementGroupNames: Map<string, string>;
  skippedRows: number;
}

export function emptyTree(): ManagementTree {
  return { subscriptions: new Map(), managementGroups: new Map(), managementGroupNames: new Map(), skippedRows: 0 };
}

/** Parse an ancestors chain; null when malformed. */
function parseChain(v: unknown, tree: ManagementTree): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  for (const item of v) {
    const o = asObject(item);
    const name = typeof o?.name === "string" ? o.name.toLowerCase() : null;
    if (!name) return null;
    out.push(name);
    if (typeof o?.displayName === "string") tree.managementGroupNames.set(name, o.displayName);
  }
  return out;
}

export async function loadTree(path: string, log: IssueLog): Promise<ManagementTree> {
  const tree = emptyTree();
  for await (const row of readRows(path, "tree", log)) {
    const fail = (field: string, message: string) =>
      log.add({ source: "tree", severity: "error", file: row.file, line: row.line, index: row.index, field, message });
    const r = asObject(row.value);
    if (!r) {
      fail("", "row is not an object");
      continue;
    }
    const type = typeof r.type === "string" ? r.type.toLowerCase() : "";
    const props = asObject(r.properties);
    if (type === "microsoft.resources/subscriptions") {
      let subId = typeof r.subscriptionId === "string" ? r.subscriptionId : null;
      if (!subId && typeof r.id === "string") subId = /^\/subscriptions\/([^/]+)$/i.exec(r.id)?.[1] ?? null;
      if (!subId) {
        fail("subscriptionId", "missing subscription ID");
        continue;
      }
      const chain = parseChain(props?.managementGroupAncestorsChain, tree);
      if (!chain) {
        fail("properties.managementGroupAncestorsChain", "missing or malformed (expected an array of {name, displayName})");
        continue;
      }
      const id = subId.toLowerCase();
      if (tree.subscriptions.has(id)) {
        log.add({ source: "tree", severity: "warning", file: row.file, line: row.line, index: row.index, field: "subscriptionId", message: `subscription ${id} listed twice; the later row wins` });
      }
      tree.subscriptions.set(id, { id, displayName: typeof r.name === "string" ? r.name : null, ancestors: chain });
      chain.forEach((mg, i) => {
        if (!tree.managementGroups.has(mg) || tree.managementGroups.get(mg)!.length === 0) tree.managementGroups.set(mg, chain.slice(i + 1));
      });
    } else if (type === "microsoft.management/managementgroups") {
      const name = typeof r.name === "string" ? r.name.toLowerCase() : null;
      if (!name) {
        fail("name", "missing management group name");
        continue;
      }
      const details = asObject(props?.details);
      const chain = parseChain(details?.managementGroupAncestorsChain, tree) ?? [];
      tree.managementGroups.set(name, chain);
      if (typeof props?.displayName === "string") tree.managementGroupNames.set(name, props.displayName);
    } else {
      tree.skippedRows++;
    }
  }
  if (tree.subscriptions.size === 0) {
    log.add({ source: "tree", severity: "error", file: path, message: "no subscription rows (type microsoft.resources/subscriptions) found" });
  }
  return tree;
}
