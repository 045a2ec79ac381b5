// The tray's actions that reach a service, on the built app (test/shell/scenarios/tray-actions.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeConfiguration } from '../support/gcloud-fixtures';
import { scenarioRunner } from './support/run-scenario';
import { CONSOLE_KEY, STS_KEY } from './scenarios/tray-actions';
import type * as scenarios from './scenarios/tray-actions';

const run = scenarioRunner<typeof scenarios>('test/shell/scenarios/tray-actions.ts', { timeoutMs: 45_000 });

describe('tray actions', () => {
  it('"Verify identities" asks STS who each key is, signed with its secret', async () => {
    const { result } = await run('trayVerify', {
      setUp: async (home) => {
        await home.writeConfig('[default]\nregion = eu-west-1\n');
        await home.writeCredentials(
          `[default]\naws_access_key_id = ${STS_KEY.id}\naws_secret_access_key = ${STS_KEY.secret}\n`,
        );
      },
    });
    expect(result.requests).toEqual([{ action: 'GetCallerIdentity', accessKeyId: STS_KEY.id, status: 200 }]);
    expect(result.labelsAfter).toContainEqual(expect.stringContaining('Account 123456789012 · user/alice'));
  });

  it('"Log in…" to an SSO session: the device code in a notification that still opens the window after a GC, and a browser that fails to open is reported', async () => {
    const { result, stderr } = await run('trayLoginDeviceCode', {
      setUp: async (home) => {
        await home.writeConfig(
          '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n' +
            '[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = eu-west-1\n',
        );
        const userData = join(home.home, '.config', 'Cloud Identity Tray');
        await mkdir(userData, { recursive: true });
        await writeFile(
          join(userData, 'settings.json'),
          JSON.stringify({ ssoLoginFlow: 'device-code', startAtLogin: false }),
        );
      },
      env: { AWS_PROFILE: 'dev' },
    });
    expect(result.notice.body).toContain(result.userCode);
    // The login's own attempt to open the browser failed quietly (the window shows the link)...
    expect(result.autoOpen).toBe(1);
    // ...and the page's "open the page" says it failed, then works once a browser opens.
    expect(result.reopenFailed).toEqual({ opened: false });
    expect(result.reopened).toEqual({ opened: true });
    expect(result.opened).toEqual([expect.stringContaining(result.userCode!)]);
    expect(stderr).toMatch(/Could not open https:\/\/\S+ in the browser: no browser is configured/);
    expect(result.hidden).toBe(true);
    expect(result.clickError).toBeNull();
    expect(result.shownByClick).toBe(true);
    expect(result.ended).toEqual([expect.objectContaining({ status: 'logged-in', session: 'corp' })]);
    expect(result.menuAfter.some((l) => l.endsWith(' > Log in…'))).toBe(false);
  });

  it('"Open AWS console" exchanges the credentials, and opens only AWS sign-in: a local endpoint is refused and said so', async () => {
    const { result, stderr } = await run('trayOpenConsole', {
      setUp: async (home) => {
        await home.writeConfig('[profile temp]\nregion = eu-west-1\n');
        await home.writeCredentials(
          `[temp]\naws_access_key_id = ${CONSOLE_KEY.id}\naws_secret_access_key = ${CONSOLE_KEY.secret}\naws_session_token = ${CONSOLE_KEY.token}\n`,
        );
      },
      env: { AWS_PROFILE: 'temp' },
    });
    expect(result.menu).toContain('Open AWS console');
    expect(result.federation).toEqual([{ action: 'getSigninToken', accepted: true }]);
    expect(result.opened).toEqual([]);
    expect(result.dialogs).toEqual([
      expect.objectContaining({
        type: 'warning',
        message: 'Could not open the AWS console as temp',
        detail: 'The browser did not open the AWS sign-in page (only AWS sign-in hosts are opened, over https).',
      }),
    ]);
    // The refusal is logged without the query, where the sign-in token is.
    expect(stderr).toMatch(/Refused to open "http:\/\/127\.0\.0\.1:\d+\/federation": http: is not https:/);
    expect(stderr.includes('SigninToken')).toBe(false);
  });

  it('"Switch gcloud configuration" runs gcloud to activate the one picked', async () => {
    const { result } = await run('traySwitchGcloudConfiguration', {
      setUp: async (home) => {
        const configDir = join(home.home, '.config', 'gcloud');
        await writeConfiguration(configDir, 'default', '[core]\naccount = alice@example.com\nproject = alpha\n');
        await writeConfiguration(configDir, 'work', '[core]\naccount = bob@example.com\nproject = beta\n');
        await writeFile(join(configDir, 'active_config'), 'default');
      },
    });
    expect(result.before).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Switch gcloud configuration > ✓ default/),
        expect.stringMatching(/^Switch gcloud configuration > work/),
      ]),
    );
    expect(result.active).toBe(true);
    expect(result.after).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Switch gcloud configuration > ✓ work/),
        expect.stringMatching(/^Switch gcloud configuration > default/),
      ]),
    );
    expect(result.warnings).toEqual([]);
    expect(result.ranGcloud).toBe(true);
  });
});
