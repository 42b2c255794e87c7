import { extname, normalize, resolve, sep } from 'node:path';

/** The renderer is served from this custom origin, never from file:// or http://. */
export const appScheme = 'app';
export const appHost = 'workbench';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * The Content Security Policy for every app page: only the app's own scripts and styles, no
 * eval, no remote origins and no outgoing connections at all.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/**
 * Requests the session may let through: the app's own pages and inline data, and DevTools'
 * own pages in development only (a packaged build has no DevTools).
 */
export function isAllowedRequest(url: string, { packaged }: { packaged: boolean }): boolean {
  return isAppUrl(url) || url.startsWith('data:') || (!packaged && url.startsWith('devtools://'));
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker, bundled as a module script.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file inside the built renderer folder, or null. Decoding happens
 * before the check, so "%2e%2e" cannot climb out of the folder either.
 */
export function resolveAppAsset(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const target = resolve(root, normalize(`.${pathname === '/' ? '/index.html' : pathname}`));
  return target.startsWith(root + sep) ? target : null;
}
