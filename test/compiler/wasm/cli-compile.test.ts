// `exempt compile`: the command compiles a folder with the project's compiler and writes a module
// the SDK loads; compile errors come out as file:line:col lines with exit code 1.

import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { register, tarEntry } from "../../../engine/cli/commands/compile.js";
import { loadCompiledPolicy } from "../../../engine/compiler/builtins/index.js";

const haveRuntime = existsSync(new URL("../../../build/opa-runtime.wasm", import.meta.url));

async function cli(args: string[], cwd: string) {
  let out = "";
  let err = "";
  let code = -1;
  const program = new Command("exempt").exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  register(program, {
    io: { out: (t) => (out += t), err: (t) => (err += t), cwd, isTTY: false, env: {}, now: () => new Date(0) },
    setExitCode: (c) => (code = c),
  });
  await program.parseAsync(args, { from: "user" });
  return { out, err, code };
}

describe.skipIf(!haveRuntime)("exempt compile", () => {
  it("writes a module that evaluates through the SDK", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exempt-compile-"));
    await mkdir(join(dir, "rego"));
    await writeFile(join(dir, "rego", "a.rego"), "package demo\n\nallow if input.user == \"alice\"\n\nnames contains upper(n) if some n in input.names\n");
    await writeFile(join(dir, "rego", "a_test.rego"), "package demo\n\ntest_x if { this is not even valid rego\n");
    const r = await cli(["compile", "rego", "-e", "demo/allow", "-e", "data.demo.names", "-o", "out.wasm", "--verbose"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote out\.wasm \(\d+ bytes/);
    expect(r.err).toMatch(/parse [\d.]+ ms, check [\d.]+ ms, plan [\d.]+ ms, emit [\d.]+ ms/);
    const policy = await loadCompiledPolicy(await readFile(join(dir, "out.wasm")));
    policy.setData({});
    expect(policy.entrypoints).toEqual({ "demo/allow": 0, "demo/names": 1 });
    expect(policy.evaluate({ user: "alice" }, "demo/allow")).toEqual([{ result: true }]);
    expect(policy.evaluate({ user: "bob" }, "demo/allow")).toEqual([]);
    expect(policy.evaluate({ names: ["b", "a"] }, "demo/names")).toEqual([{ result: ["A", "B"] }]);
  });

  it("prints compile errors with their location and exits 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exempt-compile-"));
    await writeFile(join(dir, "bad.rego"), "package demo\n\np := x if { y := 1 }\n");
    const r = await cli(["compile", ".", "-e", "demo/p", "-o", "out.wasm"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.rego:3:\d+: rego_unsafe_var_error: var x is unsafe/);
    expect(existsSync(join(dir, "out.wasm"))).toBe(false);
  });
});

describe.skipIf(!haveRuntime)("exempt compile --strict-builtin-errors", () => {
  it("turns a failing built-in from undefined into OPA's error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exempt-compile-"));
    await writeFile(join(dir, "a.rego"), "package demo\n\nn := count(input.x)\n");
    const lax = await cli(["compile", ".", "-e", "demo/n", "-o", "lax.wasm"], dir);
    const strict = await cli(["compile", ".", "-e", "demo/n", "-o", "strict.wasm", "--strict-builtin-errors"], dir);
    expect([lax.code, strict.code]).toEqual([0, 0]);
    const laxPolicy = await loadCompiledPolicy(await readFile(join(dir, "lax.wasm")));
    laxPolicy.setData({});
    expect(laxPolicy.evaluate({ x: 4 }, "demo/n")).toEqual([]);
    const strictPolicy = await loadCompiledPolicy(await readFile(join(dir, "strict.wasm")));
    strictPolicy.setData({});
    expect(() => strictPolicy.evaluate({ x: 4 }, "demo/n")).toThrow(/eval_type_error: count/);
    expect(strictPolicy.evaluate({ x: [1, 2] }, "demo/n")).toEqual([{ result: 2 }]);
  });

  it("is refused together with --compiler opa", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exempt-compile-"));
    await expect(cli(["compile", ".", "-e", "demo/n", "-o", "x.wasm", "--compiler", "opa", "--strict-builtin-errors"], dir)).rejects.toThrow(/--strict-builtin-errors works with --compiler builtin only/);
  });
});

describe("opa bundle extraction", () => {
  function tar(files: Record<string, string>): Uint8Array {
    const blocks: Uint8Array[] = [];
    for (const [name, body] of Object.entries(files)) {
      const h = new Uint8Array(512);
      h.set(new TextEncoder().encode(name), 0);
      h.set(new TextEncoder().encode(body.length.toString(8).padStart(11, "0") + "\0"), 124);
      h[156] = "0".charCodeAt(0);
      blocks.push(h);
      const data = new Uint8Array(Math.ceil(body.length / 512) * 512);
      data.set(new TextEncoder().encode(body));
      blocks.push(data);
    }
    blocks.push(new Uint8Array(1024));
    return Buffer.concat(blocks);
  }

  it("finds /policy.wasm among other entries", () => {
    const archive = tar({ "/data.json": "{}", "/policy.wasm": "WASM".repeat(200), "/.manifest": "{}" });
    const gz = gzipSync(archive);
    expect(new TextDecoder().decode(tarEntry(new Uint8Array(gunzipSync(gz)), "policy.wasm") ?? new Uint8Array())).toBe("WASM".repeat(200));
    expect(tarEntry(archive, "missing.wasm")).toBeNull();
  });

  it("says clearly when opa is not on PATH", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exempt-compile-"));
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      await expect(cli(["compile", ".", "-e", "a/b", "-o", "x.wasm", "--compiler", "opa"], dir)).rejects.toThrow(/no `opa` executable on PATH/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
