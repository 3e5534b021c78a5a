import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** A static file ready to send. */
export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * Resolves a URL path inside the built renderer folder, refusing anything that would escape it; unknown paths fall
 * back to index.html so that client-side routes survive a reload. Shared by the web bridge and Electron's app://.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = join(root, sep);
  const candidate = join(base, decoded);
  // The one containment check: whatever the decoding produced (.., encoded separators, backslashes), the file must
  // lie inside the renderer folder.
  if (!isInside(base, candidate)) return null;
  const inner = relative(base, candidate);
  const target = inner === '' ? join(base, 'index.html') : candidate;
  const file = (await isFile(target)) ? target : extname(inner) === '' ? join(base, 'index.html') : null;
  if (!file || !(await isFile(file))) return null;
  return { body: await readFile(file), contentType: contentTypes[extname(file)] ?? 'application/octet-stream' };
}

/** True when `candidate` is `base` itself or lies below it. */
function isInside(base: string, candidate: string): boolean {
  const rel = relative(base, candidate);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
