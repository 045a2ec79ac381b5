// The tray's profile picker and "Refresh now", on the built app: a profile picked from the
// "Profiles" submenu puts its line on the clipboard and goes first in the picker, remembered in
// the app's folder; "Refresh now" renews an SSO session's token at the local SSO-OIDC service with
// its refresh token, no browser. The local service runs in the scenario's own process and is
// closed before the scenario ends, so anything left open is the app's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSsoOidcServer } from '../../support/sso-oidc-server';
import type { Shell } from '../support/shell-harness';
import { awsDevicePages } from './tray-actions';

const LOADING = 'Reading your AWS config…';
export const PICKER = 'Profiles';
export const USER_DATA = ['.config', 'Cloud Identity Tray'];

async function started(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await shell.waitFor('the first real menu', () => !tray.labels().includes(LOADING), 10_000);
  return tray;
}

const pickerEntries = (labels: string[]): string[] =>
  labels.filter((l) => l.startsWith(`${PICKER} > `) && l.split(' > ').length === 2).map((l) => l.split(' > ')[1]!);

/** Picks a profile that is not the active one, then the line it copies; the picker remembers it. */
export async function trayPickProfile(shell: Shell) {
  const tray = await started(shell);
  const before = pickerEntries(tray.labels());
  const menuOfPicked = tray.labels().filter((l) => l.startsWith(`${PICKER} > team's ops — `));
  tray.clickItem("Copy “export AWS_PROFILE='team'\\''s ops'”");
  const clipboard = await shell.waitFor('the clipboard', () => shell.fake.clipboard.text || undefined, 5000);
  await shell.waitFor(
    'the picker to put it first',
    () => pickerEntries(tray.labels())[0]?.startsWith("team's ops — "),
    5000,
  );
  const after = pickerEntries(tray.labels());
  tray.clickItem('Copy “AWS_PROFILE=other”');
  const prefix = await shell.waitFor(
    'the second copy',
    () => (shell.fake.clipboard.text === 'AWS_PROFILE=other' ? shell.fake.clipboard.text : undefined),
    5000,
  );
  const file = join(process.env.HOME!, ...USER_DATA, 'recent-profiles.json');
  const saved = await shell.waitFor(
    'the recent profiles to be saved',
    () => {
      try {
        const list = JSON.parse(readFileSync(file, 'utf8')) as string[];
        return list[0] === 'other' ? list : undefined;
      } catch {
        return undefined;
      }
    },
    5000,
  );
  await shell.quit();
  return { before, menuOfPicked, clipboard, after, prefix, saved };
}

/** The list saved by an earlier run orders the picker from the start. */
export async function trayPickerRemembers(shell: Shell) {
  const tray = await started(shell);
  const entries = await shell.waitFor(
    'the saved list to be read',
    () => {
      const shown = pickerEntries(tray.labels());
      return shown[1]?.startsWith("team's ops — ") ? shown : undefined;
    },
    5000,
  );
  await shell.quit();
  return { entries };
}

/** Logs in to an SSO session with a refresh token, then renews it from the tray. */
export async function trayRefreshNow(shell: Shell) {
  const oidc = await startSsoOidcServer({ intervalSeconds: 1 });
  const front = await awsDevicePages(oidc.url);
  process.env.AWS_ENDPOINT_URL_SSO_OIDC = front.url;
  try {
    const tray = await started(shell);
    const refreshBeforeLogin = tray.labels().filter((l) => l.endsWith('Refresh now'));
    tray.clickItem('Log in to corp…');
    const page = await shell.page();
    const ended: unknown[] = [];
    page.api.on('ssoLoginEnded', (answer) => ended.push(answer));
    let userCode: string | null = null;
    for (let tries = 0; userCode === null && tries < 500; tries++) {
      userCode = (await page.api.ssoLoginsInProgress())[0]?.userCode ?? null;
      if (userCode === null) await shell.sleep(20);
    }
    if (userCode === null) throw new Error('no device code');
    oidc.approve(userCode);
    await shell.waitFor('the login to end', () => ended.length > 0, 15_000);
    await shell.waitFor('the tray to offer Refresh now', () => tray.labels().includes('Refresh now'), 10_000);
    const refreshAfterLogin = tray.labels().filter((l) => l.endsWith('Refresh now'));
    const cacheFile = readFileSync(findCacheFile(), 'utf8');

    const grants = () =>
      oidc.requests.filter((r) => r.operation === 'CreateToken' && r.body.grantType === 'refresh_token');
    const before = grants().length;
    tray.clickItem('Refresh now');
    await shell.waitFor('the refresh to reach SSO-OIDC', () => grants().length > before, 10_000);
    const renewed = await shell.waitFor(
      'the token cache to be rewritten',
      () => (readFileSync(findCacheFile(), 'utf8') !== cacheFile ? true : undefined),
      10_000,
    );
    const refreshRequests = grants().map((r) => ({
      grantType: r.body.grantType,
      hasRefreshToken: typeof r.body.refreshToken === 'string' && r.body.refreshToken !== '',
      hasClientSecret: typeof r.body.clientSecret === 'string' && r.body.clientSecret !== '',
    }));
    // One refresh per session is in flight at a time, and a second click would join it: the window's
    // own "refresh" joins it too, and settles when it has ended.
    await page.api.ssoRefresh({ session: 'corp' });
    const dialogsAfterRefresh = [...shell.fake.dialog.messages];

    // The identity provider now refuses the refresh token: the tray says so.
    oidc.setRefreshMode('refuse');
    tray.clickItem('Refresh now');
    await shell.waitFor('the refusal dialog', () => shell.fake.dialog.messages.length > 0 || undefined, 20_000);
    const result = {
      refreshBeforeLogin,
      refreshAfterLogin,
      loginEnded: ended,
      refreshRequests,
      renewed,
      dialogsAfterRefresh,
      dialogsAfterRefusal: (shell.fake.dialog.messages as { type?: string; message: string }[]).map((d) => ({
        type: d.type,
        message: d.message,
      })),
    };
    await shell.quit();
    return result;
  } finally {
    front.server.closeAllConnections();
    await new Promise((resolve) => front.server.close(resolve));
    await oidc.close();
  }
}

/** The SSO token cache file for the session, as the app wrote it (one file for one session). */
function findCacheFile(): string {
  const dir = join(process.env.HOME!, '.aws', 'sso', 'cache');
  const tokens = readdirSync(dir).filter((f) => f.endsWith('.json'));
  for (const name of tokens) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (text.includes('"accessToken"')) return join(dir, name);
  }
  throw new Error(`no token in ${dir}: ${tokens.join(', ')}`);
}
