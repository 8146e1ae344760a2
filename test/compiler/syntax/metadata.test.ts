import { describe, expect, test } from "vitest";
import { mod, modErrors } from "./helpers.js";

describe("METADATA annotations", () => {
  test("a block before the package is package-scoped", () => {
    const m = mod("# METADATA\n# title: Exemptions\n# description: Decides effects\npackage exemptions\n\np := 1\n");
    expect(m.annotations).toHaveLength(1);
    expect(m.annotations[0]).toMatchObject({
      scope: "package",
      title: "Exemptions",
      description: "Decides effects",
      loc: { line: 1, col: 1 },
    });
    expect(m.rules[0]?.annotations).toBeNull();
  });

  test("a block before a rule is rule-scoped and keeps other fields as parsed YAML", () => {
    const m = mod(
      [
        "package p",
        "",
        "# METADATA",
        "# title: Allow",
        "# entrypoint: true",
        "# custom:",
        "#   severity: high",
        "#   tags: [a, b]",
        "# organizations:",
        "#   - Contoso",
        "allow if input.ok",
        "",
        "other := 1",
      ].join("\n"),
    );
    expect(m.rules[0]?.annotations).toMatchObject({
      scope: "rule",
      title: "Allow",
      entrypoint: true,
      other: { custom: { severity: "high", tags: ["a", "b"] }, organizations: ["Contoso"] },
      loc: { line: 3 },
    });
    expect(m.rules[1]?.annotations).toBeNull();
  });

  test("document scope attaches to the rule; a package scope inside the module attaches to nothing else", () => {
    const m = mod("package p\n# METADATA\n# scope: document\n# title: Doc\nq := 1\n");
    expect(m.rules[0]?.annotations).toMatchObject({ scope: "document", title: "Doc" });
  });

  test("the block ends at the first comment that is not on the next line in column 1", () => {
    const m = mod("package p\n# METADATA\n# title: T\n\n# description: not part of it\nq := 1\n");
    expect(m.rules[0]?.annotations?.description).toBeUndefined();
    expect(m.rules[0]?.annotations?.title).toBe("T");
  });

  test("ordinary comments are not annotations", () => {
    const m = mod("# just a note\npackage p\n# another\nq := 1\n");
    expect(m.annotations).toEqual([]);
    expect(m.rules[0]?.annotations).toBeNull();
  });

  test("errors: bad YAML, scope that does not fit, unknown scope, empty block", () => {
    expect(modErrors("package p\n# METADATA\n# title: [unclosed\nq := 1\n")[0]).toMatch(
      /^test\.rego:2:1: rego_parse_error: invalid METADATA block: /,
    );
    expect(modErrors("package p\n# METADATA\n# scope: package\nq := 1\n")).toEqual([
      "test.rego:2:1: rego_parse_error: annotation scope 'package' must be applied to package (have rule)",
    ]);
    expect(modErrors("package p\n# METADATA\n# scope: everything\nq := 1\n")).toEqual([
      "test.rego:2:1: rego_parse_error: invalid annotation scope 'everything'. Use one of 'rule', 'document', 'package', or 'subpackages'",
    ]);
    expect(modErrors("package p\n# METADATA\nq := 1\n")).toEqual([
      "test.rego:2:1: rego_parse_error: expected METADATA block, found whitespace",
    ]);
    expect(modErrors("package p\nq := 1\n# METADATA\n# title: dangling\n")).toEqual([
      "test.rego:3:1: rego_parse_error: METADATA block is not followed by a package or rule",
    ]);
  });

  test("YAML tags that would build code are rejected (safe loading)", () => {
    expect(modErrors("package p\n# METADATA\n# custom:\n#   x: !!js/function 'function(){}'\nq := 1\n")[0]).toMatch(
      /^test\.rego:2:1: rego_parse_error: invalid METADATA block: unknown .*tag/,
    );
  });
});
