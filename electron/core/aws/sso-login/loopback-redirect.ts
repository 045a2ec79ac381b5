// The one-shot loopback server that receives the PKCE redirect: 127.0.0.1 only, an ephemeral
// port, path /oauth/callback, closed after the first answer with this login's `state` or a timeout.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortError } from './login-clock';
import { SsoLoginError } from './login-outcome';

export const CALLBACK_PATH = '/oauth/callback';
/** The CLI waits ten minutes for the browser. */
export const DEFAULT_REDIRECT_TIMEOUT_MS = 10 * 60 * 1000;

export interface LoopbackRedirectOptions {
  expectedState: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/oauth/callback` */
  redirectUri: string;
  /** The authorization code; rejects on an error redirect, timeout or abort. A wrong state is ignored. */
  code: Promise<string>;
  close(): Promise<void>;
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem';

function answer(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(`<!doctype html><title>${title}</title><body style="${PAGE_STYLE}"><h1>${title}</h1><p>${text}</p></body>`);
}

export async function listenForRedirect(options: LoopbackRedirectOptions): Promise<LoopbackRedirect> {
  const { expectedState, signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIRECT_TIMEOUT_MS;
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The caller may close before awaiting `code`; never leave a rejection unhandled.
  code.catch(() => undefined);
  let done = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH || done) {
      answer(res, 404, 'Not found', 'Nothing here.');
      return;
    }
    const state = url.searchParams.get('state');
    const error = url.searchParams.get('error');
    const authCode = url.searchParams.get('code');
    if (state !== expectedState) {
      // Any local program can reach this port. Only the redirect that carries this login's state
      // may end it (as the AWS CLI's loopback handler does); the rest are refused and ignored.
      answer(res, 400, 'Not this login', 'This answer does not belong to the login in progress and was ignored.');
    } else if (error !== null) {
      answer(res, 400, 'Login failed', 'The identity provider refused the login. You can close this tab.');
      finish(
        error === 'access_denied'
          ? new SsoLoginError('denied', 'The login was denied in the browser.')
          : new SsoLoginError('service', `The identity provider answered "${error}".`),
      );
    } else if (!authCode) {
      answer(res, 400, 'Login failed', 'No authorization code was returned. Start the login again.');
      finish(new SsoLoginError('service', 'The redirect carried no authorization code.'));
    } else {
      answer(res, 200, 'Logged in', 'Cloud Identity Tray received the login. You can close this tab.');
      finish(authCode);
    }
  });

  const timer = setTimeout(
    () => finish(new SsoLoginError('timeout', 'No answer from the browser in time.')),
    timeoutMs,
  );
  const onAbort = (): void => finish(abortError());
  signal?.addEventListener('abort', onAbort, { once: true });

  function finish(result: string | Error): void {
    if (done) return;
    done = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (typeof result === 'string') settle?.resolve(result);
    else settle?.reject(result);
    // Let the browser's response go out, then stop listening and drop idle keep-alives.
    server.close();
    server.closeIdleConnections();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  if (signal?.aborted) finish(abortError());
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    code,
    close: async () => {
      finish(abortError());
      server.closeAllConnections();
    },
  };
}
