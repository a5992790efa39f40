// The production build's weight: what a first visit downloads before the app can start, and any
// other set of its files, raw and gzipped.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Files of the build (paths relative to it) and their total size in bytes. */
export type FileSet = { files: string[]; raw: number; gzip: number };

/**
 * The initial load: `index.html` and every script, module preload and stylesheet it names (the
 * chunks loaded on demand, such as the lineage explorer's, are not among them).
 */
export function initialFiles(distDir: string): string[] {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/([^"]+)"/g)];
  return ["index.html", ...named.map(([, path]) => path!)];
}

/** The sizes of `files` of the build: as served, and gzipped at level 9. */
export function sizeOf(distDir: string, files: readonly string[]): FileSet {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}
