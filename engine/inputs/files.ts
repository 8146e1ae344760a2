// Listing input files: a path is either one file or a folder of pages.

import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { IssueLog, InputSource } from "./issues.js";

const PAGE_EXTENSIONS = [".json", ".jsonl", ".ndjson"];

/**
 * The files a path stands for: the file itself, or the page files directly inside a folder in
 * name order (so page-0002 follows page-0001). Unreadable paths become issues, not exceptions.
 */
export async function listInputFiles(path: string, source: InputSource, log: IssueLog): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    log.add({ source, severity: "error", file: path, message: `cannot read: ${errorText(e)}` });
    return [];
  }
  if (info.isFile()) return [path];
  if (!info.isDirectory()) {
    log.add({ source, severity: "error", file: path, message: "not a file or folder" });
    return [];
  }
  let names: string[];
  try {
    names = await readdir(path);
  } catch (e) {
    log.add({ source, severity: "error", file: path, message: `cannot list folder: ${errorText(e)}` });
    return [];
  }
  const files: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith(".")) continue;
    const lower = name.toLowerCase();
    if (!PAGE_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
      log.add({ source, severity: "warning", file: join(path, name), message: "skipped: not a .json, .jsonl or .ndjson file" });
      continue;
    }
    files.push(join(path, name));
  }
  if (files.length === 0) log.add({ source, severity: "error", file: path, message: "folder holds no .json/.jsonl/.ndjson files" });
  return files;
}

export function errorText(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    const err = e as { code: string; message?: string };
    return err.code === "ENOENT" ? "no such file or folder" : err.code === "EACCES" ? "permission denied" : (err.message ?? err.code);
  }
  return e instanceof Error ? e.message : String(e);
}
