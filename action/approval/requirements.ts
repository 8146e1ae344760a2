// Which reviewer groups still need to approve, given what the approval policy requires and who
// has approved the head commit. Team membership is looked up through the API by the caller and
// passed in as a function, so the decision stays pure and testable.

export interface ApprovalRequirement {
  /** A team, "org/team-slug" or "team-slug" (in the repository's organisation). */
  group: string;
  /** Why the policy asks for it, e.g. "waiver at management-group scope". */
  reason: string;
  /** Exemption names that triggered the requirement. */
  exemptions: string[];
}

export interface GroupStatus {
  group: string;
  reasons: string[];
  exemptions: string[];
  /** Approvers (of the head commit) who are members of the group. */
  approvedBy: string[];
  /** Membership could not be checked (e.g. the token may not read teams). */
  unresolved?: string;
  /** Approvers the API reported as not found in the team (a 404 is also what a token without access gets). */
  notFound: string[];
}

export interface ApprovalOutcome {
  state: "success" | "pending";
  groups: GroupStatus[];
  missing: GroupStatus[];
}

/** Merges requirements per group (case-insensitive), keeping every reason and exemption. */
export function mergeRequirements(reqs: readonly ApprovalRequirement[], defaultOrg: string): Map<string, { reasons: string[]; exemptions: string[] }> {
  const out = new Map<string, { reasons: string[]; exemptions: string[] }>();
  for (const r of reqs) {
    const key = qualifyGroup(r.group, defaultOrg);
    const entry = out.get(key) ?? { reasons: [], exemptions: [] };
    if (!entry.reasons.includes(r.reason)) entry.reasons.push(r.reason);
    for (const e of r.exemptions) if (!entry.exemptions.includes(e)) entry.exemptions.push(e);
    out.set(key, entry);
  }
  return out;
}

export function qualifyGroup(group: string, defaultOrg: string): string {
  const g = group.trim().replace(/^@/, "");
  return (g.includes("/") ? g : `${defaultOrg}/${g}`).toLowerCase();
}

export type MembershipLookup = (group: string, login: string) => Promise<{ member: boolean; error?: string; notFound?: boolean }>;

export async function decideApproval(
  reqs: readonly ApprovalRequirement[], approvers: readonly string[], defaultOrg: string, isMember: MembershipLookup,
): Promise<ApprovalOutcome> {
  const groups: GroupStatus[] = [];
  for (const [group, { reasons, exemptions }] of mergeRequirements(reqs, defaultOrg)) {
    const status: GroupStatus = { group, reasons, exemptions, approvedBy: [], notFound: [] };
    for (const login of approvers) {
      const res = await isMember(group, login);
      if (res.error) status.unresolved = res.error;
      if (res.member) status.approvedBy.push(login);
      else if (res.notFound) status.notFound.push(login);
    }
    groups.push(status);
  }
  const missing = groups.filter((g) => g.approvedBy.length === 0);
  return { state: missing.length === 0 ? "success" : "pending", groups, missing };
}
