// The tray's profile picker and "Refresh now", on the built app (test/shell/scenarios/tray-picker.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AwsHome } from '../support/aws-home';
import { scenarioRunner } from './support/run-scenario';
import { USER_DATA } from './scenarios/tray-picker';
import type * as scenarios from './scenarios/tray-picker';

const run = scenarioRunner<typeof scenarios>('test/shell/scenarios/tray-picker.ts', { timeoutMs: 45_000 });

const CONFIG =
  '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n' +
  '[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = eu-west-1\n' +
  'sso_registration_scopes = sso:account:access\n' +
  '[profile other]\nregion = eu-west-1\n';
// A name a shell must quote; in the credentials file only, so it comes after the config's profiles.
const CREDENTIALS =
  "[team's ops]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n" +
  '[other]\naws_access_key_id = AKIAIOSFODNN7EXAMPL2\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE2\n';

async function setUpHome(home: AwsHome, recent?: string[]): Promise<void> {
  await home.writeConfig(CONFIG);
  await home.writeCredentials(CREDENTIALS);
  const userData = join(home.home, ...USER_DATA);
  await mkdir(userData, { recursive: true });
  await writeFile(
    join(userData, 'settings.json'),
    JSON.stringify({ ssoLoginFlow: 'device-code', startAtLogin: false }),
  );
  if (recent) await writeFile(join(userData, 'recent-profiles.json'), JSON.stringify(recent));
}

// The active profile, signed out: its verification at start fails, sooner or later in the run.
const DEV = expect.stringMatching(/^✓ (⚠ )?dev — (verification failed \()?signed out\)?$/) as unknown as string;

describe('the tray’s profile picker', () => {
  it('copies the picked profile’s line, quoted for the shell, and puts it first, remembered in the app folder', async () => {
    const { result } = await run('trayPickProfile', { setUp: (home) => setUpHome(home), env: { AWS_PROFILE: 'dev' } });
    // No profile picked yet: the one in use, then config order (the config file, then credentials).
    expect(result.before).toEqual([DEV, 'other — long-lived keys', "team's ops — long-lived keys"]);
    expect(result.menuOfPicked).toEqual([
      "Profiles > team's ops — long-lived keys",
      "Profiles > team's ops — long-lived keys > Copy “AWS_PROFILE='team'\\''s ops'”",
      "Profiles > team's ops — long-lived keys > Copy “export AWS_PROFILE='team'\\''s ops'”",
      "Profiles > team's ops — long-lived keys > Show in window…",
    ]);
    expect(result.clipboard).toBe("export AWS_PROFILE='team'\\''s ops'");
    expect(result.after).toEqual(["team's ops — long-lived keys", DEV, 'other — long-lived keys']);
    expect(result.prefix).toBe('AWS_PROFILE=other');
    expect(result.saved).toEqual(['other', "team's ops", 'dev']);
  });

  it('orders the picker by the list an earlier run saved', async () => {
    const { result } = await run('trayPickerRemembers', {
      setUp: (home) => setUpHome(home, ["team's ops", 'gone', 'other']),
      env: { AWS_PROFILE: 'dev' },
    });
    // The profile in use is used too: it comes first, then the saved list without the one that is gone.
    expect(result.entries).toEqual([DEV, "team's ops — long-lived keys", 'other — long-lived keys']);
  });
});

describe('the tray’s Refresh now', () => {
  it('renews the SSO session with its refresh token at SSO-OIDC, without a browser, and says when it is refused', async () => {
    const { result } = await run('trayRefreshNow', { setUp: (home) => setUpHome(home), env: { AWS_PROFILE: 'dev' } });
    // Signed out, there is nothing to refresh.
    expect(result.refreshBeforeLogin).toEqual([]);
    expect(result.loginEnded).toEqual([expect.objectContaining({ status: 'logged-in', session: 'corp' })]);
    // Beside the active profile, in its picker entry and in its session's submenu.
    expect(result.refreshAfterLogin).toEqual([
      'Refresh now',
      expect.stringMatching(/^Profiles > ✓ (⚠ )?dev — .* > Refresh now$/),
      expect.stringMatching(/^corp — .* > Refresh now$/),
    ]);
    expect(result.refreshRequests).toEqual([
      { grantType: 'refresh_token', hasRefreshToken: true, hasClientSecret: true },
    ]);
    expect(result.renewed).toBe(true);
    expect(result.dialogsAfterRefresh).toEqual([]);
    expect(result.dialogsAfterRefusal).toEqual([{ type: 'warning', message: 'Could not refresh SSO session corp' }]);
  });
});
