import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppPageUrl,
  isDevServerRequest,
  resolveAppAsset,
} from '../../../../electron/core/security/app-origin';

describe('isAppPageUrl', () => {
  it('accepts pages of the app scheme and host', () => {
    expect(isAppPageUrl(APP_ENTRY_URL, 'app://cloudid/')).toBe(true);
    expect(isAppPageUrl('app://cloudid/index.html#/profiles/x', 'app://cloudid/')).toBe(true);
  });

  it('accepts the dev server only on its own port', () => {
    expect(isAppPageUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppPageUrl('http://127.0.0.1:5173/', 'http://localhost:5173')).toBe(false);
  });

  it.each([
    'app://other/index.html',
    'file:///work/out/renderer/index.html',
    'https://cloudid/index.html',
    'about:blank',
    '',
    'app://user@cloudid/index.html',
  ])('refuses %s', (url) => {
    expect(isAppPageUrl(url, 'app://cloudid/')).toBe(false);
  });

  it('refuses a base that is neither the app scheme nor http(s)', () => {
    expect(isAppPageUrl('file:///x/index.html', 'file:///x/')).toBe(false);
  });
});

describe('isDevServerRequest', () => {
  it('allows the dev server and its HMR socket, only in development', () => {
    expect(isDevServerRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isDevServerRequest('ws://localhost:5173/?token=x', 'http://localhost:5173')).toBe(true);
    expect(isDevServerRequest('http://localhost:5173/src/main.tsx', null)).toBe(false);
  });

  it('refuses every other host, port or scheme', () => {
    expect(isDevServerRequest('http://localhost:8080/', 'http://localhost:5173')).toBe(false);
    expect(isDevServerRequest('https://evil.example/', 'http://localhost:5173')).toBe(false);
    expect(isDevServerRequest('wss://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isDevServerRequest('app://cloudid/x', 'app://cloudid/')).toBe(false);
  });
});

describe('resolveAppAsset', () => {
  const root = resolve('/opt/app/out/renderer');

  it('serves the entry page for / and files under the root with their type', () => {
    expect(resolveAppAsset(root, 'app://cloudid/')).toEqual({
      ok: true,
      file: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'app://cloudid/assets/index-abc.js?v=1#x')).toEqual({
      ok: true,
      file: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'app://cloudid/assets/sql%20wasm.wasm')).toMatchObject({
      ok: true,
      file: join(root, 'assets', 'sql wasm.wasm'),
    });
  });

  const insideRoot = (file: string): boolean => file.startsWith(root + sep);

  it.each([
    'app://cloudid/../../etc/passwd.html',
    'app://cloudid/%2e%2e/%2e%2e/etc/passwd.html',
    'app://cloudid/assets/..%2f..%2f..%2fsecret.js',
    'app://cloudid/%2fetc%2fpasswd.html',
    'app://cloudid/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fx.js',
  ])('keeps %s inside the root', (url) => {
    const r = resolveAppAsset(root, url);
    if (r.ok) expect(insideRoot(r.file)).toBe(true);
  });

  it.each([
    'app://cloudid/assets/..%2f..%2f..%2fsecret.js',
    'app://cloudid/..%5c..%5csecret.js',
    'app://cloudid/index.html%00.png',
    'app://cloudid/%E0%A4%A.js',
    'app://other/index.html',
    'file:///opt/app/out/renderer/index.html',
    'app://cloudid/secret.txt',
    'app://cloudid/.env',
  ])('refuses %s', (url) => {
    const r = resolveAppAsset(root, url);
    expect(r.ok).toBe(false);
  });

  it('never resolves outside the root, whatever the path (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2F', '%5C', '%00', 'a', 'index.html', 'x.js', ''),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const r = resolveAppAsset(root, `app://cloudid/${segments.join('/')}`);
        if (r.ok) expect(insideRoot(r.file)).toBe(true);
      }),
    );
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('denies by default and allows no inline script, eval or network', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});
