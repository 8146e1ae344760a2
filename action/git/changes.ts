// Exemption files changed by a pull request, and the exemption tree of any commit, read with
// git (simple-git). The comparison is between the merge base and the head, as GitHub's "Files
// changed" tab shows it, so commits that landed on the base branch meanwhile do not show up as
// part of the pull request.
import { mkdir, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import { dirname, posix, relative, resolve, sep } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";

export type ChangeKind = "added" | "modified" | "deleted" | "renamed";

export interface FileChange {
  kind: ChangeKind;
  /** Path at the head (for deleted files: the path at the base). Repository-relative, '/'. */
  path: string;
  /** For renames: the path at the base. */
  oldPath?: string;
}

export type GitResult<T> = { ok: true; value: T } | { ok: false; error: string };

const EXEMPTION_FILE = /\.ya?ml$/i;

export function git(dir: string): SimpleGit {
  return simpleGit({ baseDir: dir, config: ["core.quotePath=false"] });
}

export async function mergeBase(dir: string, base: string, head: string): Promise<GitResult<string>> {
  try {
    const out = await git(dir).raw(["merge-base", base, head]);
    return { ok: true, value: out.trim() };
  } catch (error) {
    return {
      ok: false,
      error: `git merge-base ${base} ${head} failed: ${firstLine(error)}. ` +
        "Check out the full history (actions/checkout with fetch-depth: 0) so both commits and their common ancestor are present.",
    };
  }
}

/** Parses `git diff --name-status -z -M` output. Pure. */
export function parseNameStatus(raw: string): FileChange[] {
  const parts = raw.split("\0");
  const out: FileChange[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++] ?? "";
    if (!code) continue;
    const letter = code[0];
    if (letter === "R" || letter === "C") {
      const from = parts[i++] ?? "";
      const to = parts[i++] ?? "";
      out.push(letter === "R" ? { kind: "renamed", path: to, oldPath: from } : { kind: "added", path: to });
    } else {
      const path = parts[i++] ?? "";
      out.push({ kind: letter === "A" ? "added" : letter === "D" ? "deleted" : "modified", path });
    }
  }
  return out;
}

export function isUnder(path: string, folder: string): boolean {
  const f = posix.normalize(folder.replace(/\\/g, "/")).replace(/^\.\/?/, "").replace(/\/+$/, "");
  return f === "" || path === f || path.startsWith(f + "/");
}

export async function changedExemptionFiles(dir: string, from: string, to: string, exemptionsDir: string): Promise<GitResult<FileChange[]>> {
  try {
    const raw = await git(dir).raw(["diff", "--name-status", "-z", "-M", "--no-color", `${from}`, `${to}`, "--"]);
    const changes = parseNameStatus(raw).filter((c) =>
      (EXEMPTION_FILE.test(c.path) && isUnder(c.path, exemptionsDir)) ||
      (c.oldPath !== undefined && EXEMPTION_FILE.test(c.oldPath) && isUnder(c.oldPath, exemptionsDir)));
    return { ok: true, value: changes };
  } catch (error) {
    return { ok: false, error: `git diff ${from} ${to} failed: ${firstLine(error)}` };
  }
}

interface TreeEntry { mode: string; type: string; sha: string; path: string }

function parseLsTree(raw: string): TreeEntry[] {
  return raw.split("\0").filter(Boolean).map((line) => {
    const tab = line.indexOf("\t");
    const [mode = "", type = "", sha = ""] = line.slice(0, tab).split(" ");
    return { mode, type, sha, path: line.slice(tab + 1) };
  });
}

/**
 * Writes the files under `folder` as they are at `commit` into `dest` (same relative paths).
 * Blobs are read through one `git cat-file --batch` process rather than one process per file.
 * Symbolic links are skipped: a link in a pull request must not make us read outside the tree.
 */
export async function materialize(dir: string, commit: string, folder: string, dest: string): Promise<GitResult<string[]>> {
  let entries: TreeEntry[];
  try {
    const f = folder.replace(/\\/g, "/").replace(/^\.\/?/, "").replace(/\/+$/, "");
    const raw = await git(dir).raw(["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...(f ? [f] : [])]);
    entries = parseLsTree(raw).filter((e) => e.type === "blob" && e.mode !== "120000");
  } catch (error) {
    return { ok: false, error: `git ls-tree ${commit} ${folder} failed: ${firstLine(error)}` };
  }
  const root = resolve(dest);
  const blobs = await readBlobs(dir, entries.map((e) => e.sha));
  if (!blobs.ok) return blobs;
  const written: string[] = [];
  for (const [i, e] of entries.entries()) {
    const target = resolve(root, e.path);
    if (relative(root, target).startsWith("..") || relative(root, target).split(sep).includes("..")) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, blobs.value[i]!);
    written.push(e.path);
  }
  return { ok: true, value: written };
}

function readBlobs(dir: string, shas: string[]): Promise<GitResult<Buffer[]>> {
  if (shas.length === 0) return Promise.resolve({ ok: true, value: [] });
  return new Promise((done) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => { stderr += c.toString(); });
    child.on("error", (e) => done({ ok: false, error: `git cat-file: ${e.message}` }));
    child.on("close", (code) => {
      if (code !== 0) return done({ ok: false, error: `git cat-file exited ${code}: ${stderr.trim()}` });
      const all = Buffer.concat(chunks);
      const out: Buffer[] = [];
      let pos = 0;
      for (const sha of shas) {
        const nl = all.indexOf(0x0a, pos);
        const header = all.subarray(pos, nl).toString();
        const [, type, size] = header.split(" ");
        if (type !== "blob") return done({ ok: false, error: `git cat-file: ${sha} is ${header}` });
        const n = Number(size);
        out.push(all.subarray(nl + 1, nl + 1 + n));
        pos = nl + 1 + n + 1;
      }
      done({ ok: true, value: out });
    });
    child.stdin.end(shas.join("\n") + "\n");
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n").find((l) => l.trim()) ?? "unknown error";
}

