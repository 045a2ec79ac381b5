// Serves the built renderer from app://cloudid/ with its Content-Security-Policy as a response
// header (file:// pages get no headers, and may read any other file:// URL). The decisions —
// which file a URL names, the policy itself — are in electron/core/security/app-origin.ts.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppAsset } from '../core/security/app-origin';

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origins and relative URLs; secure: a secure context, like https.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After ready: answer app:// requests from `rendererDir` (out/renderer). */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const asset = resolveAppAsset(rendererDir, request.url);
    if (!asset.ok) return new Response(null, { status: asset.status });
    let body: Buffer;
    try {
      body = await readFile(asset.file);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': asset.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}
