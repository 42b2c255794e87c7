import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { appScheme, contentSecurityPolicy, contentTypeFor, resolveAppAsset } from './app-origin';

/** Must run before the app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer, refusing anything outside its folder. */
export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(appScheme, async (request) => {
    const path = resolveAppAsset(rendererDir, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(path),
          'content-security-policy': contentSecurityPolicy,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
