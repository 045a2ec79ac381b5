// The tray's actions that reach a service, on the built app: "Verify identities" against a local
// STS, "Log in…" to an SSO session with the device-code flow against a local SSO-OIDC service
// (its notification, the page's "open the page again", a browser that fails to open), "Open AWS
// console" against a local sign-in endpoint, and switching the gcloud configuration. The local services run in the scenario's own process and
// are closed before the scenario ends, so anything left open is the app's.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { clickNotification } from '../../support/electron-fake/fake-notification';
import { startFederationServer } from '../../support/federation-server';
import { startSsoOidcServer } from '../../support/sso-oidc-server';
import { startStsServer } from '../../support/sts-server';
import type { Shell } from '../support/shell-harness';

const LOADING = 'Reading your AWS config…';

export const STS_KEY = { id: 'AKIAIOSFODNN7EXAMPLE', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

async function started(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await shell.waitFor('the first real menu', () => !tray.labels().includes(LOADING), 10_000);
  return tray;
}

export async function trayVerify(shell: Shell) {
  const sts = await startStsServer({
    identities: {
      [STS_KEY.id]: {
        secretAccessKey: STS_KEY.secret,
        account: '123456789012',
        arn: 'arn:aws:iam::123456789012:user/alice',
        userId: 'AIDAEXAMPLEALICE',
      },
    },
  });
  process.env.AWS_ENDPOINT_URL_STS = sts.url;
  try {
    const tray = await started(shell);
    // The active profile is verified at start; wait for that, so the click's own request counts.
    await shell.waitFor(
      'the verification at start',
      () => tray.labels().some((l) => l.includes('Account 123456789012')),
      10_000,
    );
    const before = sts.requests.length;
    const labelsBefore = tray.labels();
    tray.clickItem('Verify identities');
    await shell.waitFor('the tray verification to reach STS', () => sts.requests.length > before, 10_000);
    await shell.sleep(200);
    const requests = sts.requests
      .slice(before)
      .map((r) => ({ action: r.action, accessKeyId: r.accessKeyId, status: r.status }));
    const labelsAfter = tray.labels();
    await shell.quit();
    return { labelsBefore, labelsAfter, requests };
  } finally {
    await sts.close();
  }
}

/** Where AWS sends the user to confirm a device code (the app opens only such https pages). */
const DEVICE_PAGE = 'https://device.sso.eu-west-1.amazonaws.com/';

/**
 * In front of the local SSO-OIDC service: the same answers, except that the device page is AWS's
 * (test/support/sso-oidc-server.ts names its own http://127.0.0.1 page, which the app's
 * external-URL policy rightly refuses to open).
 */
export async function awsDevicePages(target: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // fetch sets the hop-by-hop headers itself, and refuses them from the caller.
      const hopByHop = new Set([
        'host',
        'content-length',
        'connection',
        'keep-alive',
        'transfer-encoding',
        'upgrade',
        'expect',
      ]);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !hopByHop.has(k))) as Record<
        string,
        string
      >;
      void fetch(new URL(req.url ?? '/', target), {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      })
        .then(async (answer) => {
          let body = await answer.text();
          if (body.includes('verificationUri')) {
            const json = JSON.parse(body) as Record<string, unknown>;
            json.verificationUri = DEVICE_PAGE;
            json.verificationUriComplete = `${DEVICE_PAGE}?user_code=${String(json.userCode)}`;
            body = JSON.stringify(json);
          }
          const answerHeaders = Object.fromEntries(
            [...answer.headers].filter(([k]) => !hopByHop.has(k) && k !== 'content-encoding'),
          );
          res.writeHead(answer.status, { ...answerHeaders, 'content-length': String(Buffer.byteLength(body)) });
          res.end(body);
        })
        .catch((error: unknown) => {
          console.error('the device-page front could not forward:', error);
          res.writeHead(502);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function trayLoginDeviceCode(shell: Shell) {
  const oidc = await startSsoOidcServer({ intervalSeconds: 1 });
  const front = await awsDevicePages(oidc.url);
  process.env.AWS_ENDPOINT_URL_SSO_OIDC = front.url;
  try {
    const tray = await started(shell);
    const menu = tray.labels();
    // The browser fails to open, as with no browser configured.
    shell.fake.shell.failOpenExternal = 'no browser is configured';
    tray.clickItem('Log in…');
    const notice = await shell.waitFor(
      'the device-code notification',
      () => shell.fake.notifications.find((n) => n.title === 'Log in to corp'),
      10_000,
    );
    const page = await shell.page();
    const ended: unknown[] = [];
    page.api.on('ssoLoginEnded', (answer) => ended.push(answer));
    const [prompt] = await page.api.ssoLoginsInProgress();
    const openCalls = () => shell.fake.calls.filter((c) => c.call === 'shell.openExternal').length;
    const autoOpen = await shell.waitFor(
      "the login's own attempt to open the browser",
      () => openCalls() || undefined,
      5000,
    );
    const reopenFailed = await page.api.ssoOpenLoginPage({ session: 'corp' });
    shell.fake.shell.failOpenExternal = null;
    const reopened = await page.api.ssoOpenLoginPage({ session: 'corp' });

    // The user closes the window (it hides) and reads the code in the browser; meanwhile the
    // garbage collector runs. A click on the notification must still bring the window back.
    shell.window()!.close();
    const hidden = shell.window()?.visible === false;
    await shell.sleep(20);
    globalThis.gc?.();
    await shell.sleep(20);
    globalThis.gc?.();
    let clickError: string | null = null;
    try {
      clickNotification(notice);
    } catch (error) {
      clickError = String(error);
    }
    const shownByClick = shell.window()?.visible === true;

    oidc.approve(prompt!.userCode!);
    await shell.waitFor('the login to end', () => ended.length > 0, 15_000);
    await shell
      .waitFor(
        'the tray to show the session signed in',
        () => !tray.labels().some((l) => l.endsWith(' > Log in…')),
        5000,
      )
      .catch(() => null);
    const result = {
      menu,
      notice: { title: notice.title, body: notice.body },
      userCode: prompt?.userCode ?? null,
      autoOpen,
      reopenFailed,
      reopened,
      opened: [...shell.fake.shell.opened],
      hidden,
      clickError,
      shownByClick,
      ended,
      menuAfter: tray.labels(),
    };
    await shell.quit();
    return result;
  } finally {
    front.server.closeAllConnections();
    await new Promise((resolve) => front.server.close(resolve));
    await oidc.close();
  }
}

export const CONSOLE_KEY = {
  id: 'ASIASHELLCONSOLE0001',
  secret: 'shell-console-secret-00000000000000000',
  token: 'shell-console-session-token',
};

/**
 * "Open AWS console" with the sign-in endpoint on a local server (AWS_ENDPOINT_URL_SIGNIN): the
 * credentials are exchanged, and the app's policy then refuses to open a URL that is not AWS's
 * https sign-in, says so in a dialog, and logs the refusal without the token.
 */
export async function trayOpenConsole(shell: Shell) {
  const federation = await startFederationServer({
    accepts: (s) =>
      s.sessionId === CONSOLE_KEY.id && s.sessionKey === CONSOLE_KEY.secret && s.sessionToken === CONSOLE_KEY.token,
  });
  process.env.AWS_ENDPOINT_URL_SIGNIN = federation.url;
  try {
    const tray = await started(shell);
    const menu = tray.labels();
    tray.clickItem('Open AWS console');
    await shell.waitFor('the refusal dialog', () => shell.fake.dialog.messages.length > 0 || undefined, 10_000);
    const result = {
      menu,
      federation: federation.requests.map((r) => ({ action: r.action, accepted: r.accepted })),
      opened: [...shell.fake.shell.opened],
      dialogs: shell.fake.dialog.messages,
    };
    await shell.quit();
    return result;
  } finally {
    await federation.close();
  }
}

export async function traySwitchGcloudConfiguration(shell: Shell) {
  const configDir = process.env.CLOUDSDK_CONFIG!;
  const tray = await started(shell);
  await shell.waitFor(
    'the gcloud section',
    () => tray.labels().some((l) => l.startsWith('Switch gcloud configuration > ')),
    10_000,
  );
  const before = tray.labels().filter((l) => l.startsWith('Switch gcloud configuration > '));
  tray.clickItem(/^work/);
  const active = await shell.waitFor(
    'the active configuration to change',
    () => readFileSync(join(configDir, 'active_config'), 'utf8') === 'work' || undefined,
    20_000,
  );
  await shell
    .waitFor(
      'the tray to show it',
      () => tray.labels().some((l) => l.startsWith('Switch gcloud configuration > ✓ work')),
      5000,
    )
    .catch(() => null);
  const after = tray.labels().filter((l) => l.startsWith('Switch gcloud configuration > '));
  const warnings = shell.fake.dialog.messages;
  // gcloud itself writes its logs there: the switch ran gcloud, not the app's own file write.
  const ranGcloud = existsSync(join(configDir, 'logs'));
  await shell.quit();
  return { before, active, after, warnings, ranGcloud };
}
