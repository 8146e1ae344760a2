// A pull request scenario shared by the action tests: a repository whose base has one exemption,
// and a pull request that adds a management-group waiver, a hostile file and a denied waiver.
import { tempRepo, type TempRepo } from "./git-repo.js";

export const KEY_MFA = "1c5de8e1-f68d-4a17-bc3a-6e4f8e9d1a01";
export const KEY_TLS = "2a6b9f43-0c1d-4e8f-9b7a-5d3c2e1f0a02";
export const MG = "/providers/Microsoft.Management/managementGroups/contoso-prod";
export const SUB_PROD = "11111111-1111-1111-1111-111111111111";
export const SUB_DEV = "22222222-2222-2222-2222-222222222222";

export const HOSTILE_FILE = "exemptions/`@octocat` <img src=x onerror=alert(1)> [x](y).yaml";
export const HOSTILE_JUSTIFICATION_TEXT = "**pwned** <script>alert(1)</script> @security-team `rm -rf` | table";

export function exemption(name: string, fields: Record<string, string | string[]>): string {
  const lines = [`name: ${name}`];
  for (const [k, v] of Object.entries(fields)) {
    lines.push(Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${JSON.stringify(x)}`).join("\n")}` : `${k}: ${JSON.stringify(v)}`);
  }
  return lines.join("\n") + "\n";
}

export interface Scenario { repo: TempRepo; baseSha: string; headSha: string; mergeBase: string }

export function buildScenario(): Scenario {
  const repo = tempRepo();
  repo.write({
    "README.md": "exemptions\n",
    "exemptions/rg-dev-tls.yaml": exemption("rg-dev-tls", {
      displayName: "Dev TLS", recommendations: [KEY_TLS], scopes: [`/subscriptions/${SUB_DEV}/resourceGroups/rg-dev`],
      category: "waiver", justification: "risk_accepted", expiresOn: "2026-12-10", owner: "dev@contoso.com",
    }),
  });
  const mergeBase = repo.commit("base");
  repo.git("checkout", "-q", "-b", "pr");
  repo.write({
    "exemptions/mg/mg-prod-mfa.yaml": exemption("mg-prod-mfa", {
      displayName: "MFA via the partner IdP", recommendations: [KEY_MFA], scopes: [MG],
      category: "waiver", justification: "risk_accepted", expiresOn: "2027-01-31", owner: "iam@contoso.com",
    }),
    [HOSTILE_FILE]: exemption("hostile", {
      displayName: "<b>bold</b> @everyone", description: HOSTILE_JUSTIFICATION_TEXT, recommendations: [KEY_TLS],
      scopes: [`/subscriptions/${SUB_PROD}/resourceGroups/rg-web/providers/Microsoft.Web/sites/site-1`],
      category: "mitigated", justification: "third_party_control", owner: "x@contoso.com",
    }),
    "exemptions/no-expiry.yaml": exemption("no-expiry", {
      recommendations: [KEY_TLS], scopes: [`/subscriptions/${SUB_PROD}/resourceGroups/rg-data`],
      category: "waiver", justification: "risk_accepted", owner: "x@contoso.com",
    }),
  });
  const headSha = repo.commit("add exemptions");
  // The base branch moves on after the pull request was opened: the report must not show this.
  repo.git("checkout", "-q", "main");
  repo.write({ "exemptions/later-on-main.yaml": exemption("later-on-main", { recommendations: [KEY_MFA], scopes: [`/subscriptions/${SUB_DEV}`], category: "mitigated", justification: "alternate_mitigation", owner: "x@contoso.com" }) });
  const baseSha = repo.commit("later change on main");
  repo.git("checkout", "-q", "--detach", headSha);
  return { repo, baseSha, headSha, mergeBase };
}

export const FAKE_DATA = {
  assessments: [
    { resourceId: `/subscriptions/${SUB_PROD}/resourceGroups/rg-web/providers/Microsoft.Web/sites/site-1`, key: KEY_TLS, status: "Unhealthy" as const },
    { resourceId: `/subscriptions/${SUB_PROD}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-1`, key: KEY_TLS, status: "Unhealthy" as const },
    { resourceId: `/subscriptions/${SUB_DEV}/resourceGroups/rg-dev/providers/Microsoft.Web/sites/dev-1`, key: KEY_TLS, status: "Unhealthy" as const },
    { resourceId: `/subscriptions/${SUB_PROD}`, key: KEY_MFA, status: "Unhealthy" as const },
    { resourceId: `/subscriptions/${SUB_DEV}`, key: KEY_MFA, status: "Healthy" as const },
  ],
  controls: [
    { id: "mfa", displayName: "Enable MFA", max: 10, keys: [KEY_MFA] },
    { id: "tls", displayName: "Encrypt data in transit", max: 4, keys: [KEY_TLS] },
  ],
  tree: { [SUB_PROD]: ["contoso-prod", "contoso"], [SUB_DEV]: ["contoso-dev", "contoso"] },
};
