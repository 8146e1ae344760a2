// Finding exemption files on disk: folders are walked for *.yaml and *.yml (dot-files and
// dot-folders skipped); every file must resolve, through any symlinks, to a place inside the
// repository it was found in. Read-only.
import { existsSync } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileDiagnostic } from "./parse-file.js";
import type { Diagnostic } from "./types.js";

export interface DiscoverOptions {
  /** Base for relative paths and for displayed file names. Default: process.cwd(). */
  readonly cwd?: string;
  /**
   * The repository whose files may be read. Default, per path given: the nearest folder at or above
   * it that holds `.git`, else the path itself (a folder) or its folder (a file).
   */
  readonly root?: string;
}

export interface DiscoveredFile {
  /** Absolute path as found (before resolving symlinks). */
  readonly path: string;
  /** Path for messages: relative to cwd when inside it, else absolute; '/' separators. */
  readonly display: string;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  /** Symlinks leaving the repository, broken symlinks, unreadable folders. */
  readonly diagnostics: Diagnostic[];
  /** Paths given that do not exist (a usage error for the CLI). */
  readonly missing: string[];
}

const EXTENSIONS = new Set([".yaml", ".yml"]);

/** File system calls in flight at once when checking many directory entries (see the walk). */
const IN_FLIGHT = 32;

/**
 * `fn` over `items` with at most `limit` calls pending at once; results in the items' order,
 * whatever order the calls finish in. `fn` must not throw (return problems as values).
 */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === "" ? "." : rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join("/");
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function repositoryOf(path: string, isDir: boolean): string {
  const start = isDir ? path : dirname(path);
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return start;
  }
}


/** Find the exemption files under the given files and folders, in a stable (sorted) order. */
export async function discoverExemptionFiles(paths: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const files: DiscoveredFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const missing: string[] = [];
  const taken = new Set<string>();

  const add = (path: string): void => {
    if (taken.has(path)) return;
    taken.add(path);
    files.push({ path, display: displayPath(path, cwd) });
  };

  // Resolve `path` and check it stays inside `rootReal`: its real path, or the problem. Returns the
  // problem rather than recording it so that checks running side by side report in entry order.
  const check = async (path: string, rootReal: string): Promise<{ real: string } | { problem: Diagnostic }> => {
    const display = displayPath(path, cwd);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return { problem: fileDiagnostic(display, "file.broken-symlink", "symlink points to nothing (broken link)") };
    }
    if (!isInside(real, rootReal)) {
      const isLink = (await lstat(path).catch(() => null))?.isSymbolicLink() ?? false;
      const how = isLink ? `is a symlink to ${real}, which is` : "is";
      return { problem: fileDiagnostic(display, "file.outside-repository", `${how} outside the repository (${displayPath(rootReal, cwd)}); exemption files must live in the repository`) };
    }
    return { real };
  };
  const confined = async (path: string, rootReal: string): Promise<string | null> => {
    const r = await check(path, rootReal);
    if ("problem" in r) {
      diagnostics.push(r.problem);
      return null;
    }
    return r.real;
  };

  // `dirReal` is `dir` with symlinks resolved, already checked to be inside the repository.
  const walk = async (dir: string, dirReal: string, rootReal: string, visited: Set<string>): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      diagnostics.push(fileDiagnostic(displayPath(dir, cwd), "file.unreadable", `folder cannot be read: ${(e as Error).message}`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const visible = entries.filter((e) => !e.name.startsWith("."));
    // A plain file or folder (not a symlink) lies where its folder's real path says: no realpath
    // or stat needed (measured: they were ~0.35 s of 5 000 files). Symlinks and entries whose type
    // the file system does not report are resolved and checked, several side by side; the results
    // are used in name order, so nothing depends on timing.
    const checked = await mapInOrder(visible, IN_FLIGHT, async (entry) => {
      const full = join(dir, entry.name);
      if (entry.isFile()) return { entry, full, r: { real: join(dirReal, entry.name) }, kind: "file" as const };
      if (entry.isDirectory()) return { entry, full, r: { real: join(dirReal, entry.name) }, kind: "dir" as const };
      const r = await check(full, rootReal);
      const info = "real" in r ? await stat(r.real).catch(() => null) : null;
      return { entry, full, r, kind: info === null ? null : info.isDirectory() ? ("dir" as const) : info.isFile() ? ("file" as const) : ("other" as const) };
    });
    for (const { entry, full, r, kind } of checked) {
      if ("problem" in r) {
        diagnostics.push(r.problem);
        continue;
      }
      if (kind === null) {
        diagnostics.push(fileDiagnostic(displayPath(full, cwd), "file.unreadable", "cannot be read (permission denied or removed while reading)"));
        continue;
      }
      if (kind === "dir") {
        if (visited.has(r.real)) continue; // a symlink loop or a second way into the same folder
        visited.add(r.real);
        await walk(full, r.real, rootReal, visited);
      } else if (kind === "file" && EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        add(full);
      }
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = await lstat(path);
    } catch {
      missing.push(given);
      continue;
    }
    const target = info.isSymbolicLink() ? await stat(path).catch(() => null) : info;
    const isDir = target?.isDirectory() ?? false;
    const root = options.root !== undefined ? resolve(cwd, options.root) : repositoryOf(path, isDir);
    const rootReal = await realpath(root).catch(() => root);
    const real = await confined(path, rootReal);
    if (real === null) continue;
    if (isDir) await walk(path, real, rootReal, new Set([real]));
    else add(path);
  }
  return { files, diagnostics, missing };
}
