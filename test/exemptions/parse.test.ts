// Parsing one file into a normalised Exemption, and the field-level rules.
import { describe, expect, it } from "vitest";
import { parseExemptionBytes, parseExemptionText, renderExemption } from "../../engine/exemptions/index.js";
import { KEY, SUB, validYaml } from "../fixtures/exemptions/inputs.js";

describe("parseExemptionText", () => {
  it("normalises a valid file", () => {
    const text = validYaml("vmss1", {
      recommendations: `\n  - ${KEY.toUpperCase()}`,
      scopes: `\n  - /SUBSCRIPTIONS/${SUB.toUpperCase()}/resourcegroups/myRg`,
    });
    const r = parseExemptionText(text, "vmss1.yaml");
    expect(r.diagnostics).toEqual([]);
    const e = r.exemption!;
    expect(e.name).toBe("vmss1");
    expect(e.displayName).toBe("vmss1");
    expect(e.recommendations).toEqual([KEY]);
    expect(e.scopes.map((s) => [s.level, s.id])).toEqual([["resourceGroup", `/subscriptions/${SUB}/resourceGroups/myRg`]]);
    expect(e.expiresOn?.toISOString()).toBe("2027-03-01T00:00:00.000Z");
    expect(e.expiresOnText).toBe("2027-03-01");
    expect(e.status).toBe("active");
    expect(e.ticket).toBeNull();
    expect(e.metadata).toEqual({});
  });

  it("turns an expiry with an offset into the UTC instant", () => {
    const r = parseExemptionText(validYaml("t", { expiresOn: "2027-02-01T00:00:00+01:00" }), "t.yaml");
    expect(r.exemption?.expiresOn?.toISOString()).toBe("2027-01-31T23:00:00.000Z");
  });

  it("keeps quoted dates as text and accepts them", () => {
    const r = parseExemptionText(validYaml("q", { expiresOn: '"2027-03-01"' }), "q.yaml");
    expect(r.exemption?.expiresOn?.toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });

  it("accepts global alone and refuses it beside other scopes", () => {
    expect(parseExemptionText(validYaml("g", { scopes: "[global]" }), "g.yaml").exemption?.scopes[0]?.level).toBe("global");
    const mixed = parseExemptionText(validYaml("g", { scopes: `[/subscriptions/${SUB}, global]` }), "g.yaml");
    expect(mixed.diagnostics.map((d) => [d.code, d.field])).toEqual([["scope.global-not-alone", "scopes[1]"]]);
  });

  it("finds the same scope twice even when the case differs", () => {
    const r = parseExemptionText(validYaml("d", { scopes: `\n  - /subscriptions/${SUB}\n  - /Subscriptions/${SUB.toUpperCase()}` }), "d.yaml");
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([["scope.duplicate", 7, 5]]);
  });

  it("finds a repeated recommendation, case-insensitively", () => {
    const r = parseExemptionText(validYaml("d", { recommendations: `[${KEY}, ${KEY.toUpperCase()}]` }), "d.yaml");
    expect(r.diagnostics.map((d) => [d.code, d.field])).toEqual([["recommendation.duplicate", "recommendations[1]"]]);
  });

  it("enforces the Azure Policy exemption limits", () => {
    const r = parseExemptionText(validYaml("l", { displayName: "x".repeat(129), description: "y".repeat(513) }), "l.yaml");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["schema.max-length", "schema.max-length"]);
    expect(r.diagnostics[0]!.message).toMatch(/129 characters long; at most 128/);
    expect(r.diagnostics[1]!.message).toMatch(/513 characters long; at most 512/);
    const ok = parseExemptionText(validYaml("l", { displayName: "x".repeat(128), description: "y".repeat(512) }), "l.yaml");
    expect(ok.diagnostics).toEqual([]);
  });

  it("refuses names outside [a-z0-9-]{1,64}", () => {
    for (const name of ["Upper", "dots.not", "x".repeat(65), "under_score"]) {
      const r = parseExemptionText(validYaml(name), `${name}.yaml`);
      expect(r.diagnostics.map((d) => d.code), name).toEqual(["schema.pattern"]);
    }
    expect(parseExemptionText(validYaml("a".repeat(64)), "a.yaml").diagnostics).toEqual([]);
  });

  it("names every missing required field", () => {
    const r = parseExemptionText("name: x\n", "x.yaml");
    expect(r.diagnostics.map((d) => d.message.match(/`(\w+)`/)?.[1])).toEqual([
      "description", "recommendations", "scopes", "category", "justification", "owner",
    ]);
  });

  it("suggests the nearest enum value", () => {
    const r = parseExemptionText(validYaml("e", { justification: "third-party-control" }), "e.yaml");
    expect(r.diagnostics[0]!.message).toMatch(/did you mean `third_party_control`\?/);
  });

  it("refuses a top level that is not a mapping", () => {
    expect(parseExemptionText("- a\n- b\n", "x.yaml").diagnostics[0]!.message).toMatch(/got a list/);
    expect(parseExemptionText("just text\n", "x.yaml").diagnostics[0]!.message).toMatch(/got a single value/);
  });

  it("refuses unknown tags of the unsafe schemas", () => {
    const r = parseExemptionText(`${validYaml("t")}metadata: !!js/function "function () {}"\n`, "t.yaml");
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["yaml.syntax", 11]]);
  });

  it("counts lines the same with CRLF line endings", () => {
    const text = validYaml("crlf", { category: "mitigate" }).replace(/\n/g, "\r\n");
    const r = parseExemptionText(text, "crlf.yaml");
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([["schema.enum", 7, 11]]);
  });

  it("puts a scope error's column on the offending segment, also inside quotes", () => {
    const r = parseExemptionText(validYaml("c", { scopes: `\n  - "/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases"` }), "c.yaml");
    const d = r.diagnostics[0]!;
    expect(d.code).toBe("scope.malformed");
    expect(d.message).toMatch(/resource type 'databases' has no name/);
    const line = `  - "/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases"`;
    expect(d.col).toBe(line.indexOf("databases") + 1);
  });
});

describe("parseExemptionBytes", () => {
  it("accepts UTF-8 text beyond ASCII", () => {
    const r = parseExemptionBytes(Buffer.from(validYaml("u", { description: "Clé gérée par le HSM — 東京" })), "u.yaml");
    expect(r.diagnostics).toEqual([]);
    expect(r.exemption?.description).toBe("Clé gérée par le HSM — 東京");
  });

  it("refuses overlong encodings and UTF-16 surrogates", () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82]]) {
      const bytes = Buffer.concat([Buffer.from("name: x\n"), Buffer.from(bad), Buffer.from("\n")]);
      const r = parseExemptionBytes(bytes, "x.yaml");
      expect(r.diagnostics.map((d) => [d.code, d.line, d.col]), bad.join(",")).toEqual([["file.encoding", 2, 1]]);
    }
  });

  it("refuses UTF-16 files", () => {
    const r = parseExemptionBytes(Uint8Array.from([0xff, 0xfe, 0x6e, 0x00]), "x.yaml");
    expect(r.diagnostics[0]!.message).toMatch(/UTF-16/);
  });
});

describe("renderExemption", () => {
  it("writes a file that parses back to the same exemption, headed by the $schema line", () => {
    const text = renderExemption(
      {
        name: "round-trip",
        displayName: "Quotes: 'single' and \"double\" # not a comment",
        description: "yes",
        recommendations: [KEY],
        scopes: [`/subscriptions/${SUB}`, "/providers/Microsoft.Management/managementGroups/DevOrg"],
        category: "waiver",
        justification: "risk_accepted",
        expiresOn: "2027-01-01",
        owner: "@contoso/security",
        ticket: "123",
      },
      "../engine/schema/exemption.schema.json",
    );
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../engine/schema/exemption.schema.json");
    const r = parseExemptionText(text, "round-trip.yaml");
    expect(r.diagnostics).toEqual([]);
    expect(r.exemption).toMatchObject({
      displayName: "Quotes: 'single' and \"double\" # not a comment",
      description: "yes",
      owner: "@contoso/security",
      ticket: "123",
      expiresOnText: "2027-01-01",
    });
    expect(r.exemption!.scopes.map((s) => s.level)).toEqual(["subscription", "managementGroup"]);
  });
});
