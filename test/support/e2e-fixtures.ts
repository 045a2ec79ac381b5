// TEST ONLY. The Playwright fixture for the window: a throwaway HOME with real AWS files, the
// REAL core and operation handlers over them, the local STS, and the built renderer served by the
// bridge server and opened in Chromium with the in-page bridge. Only the transport is not Electron.
import { test as base, expect, type Page } from '@playwright/test';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../electron/core/app/core';
import { createOperationHandlers } from '../../electron/core/app/operation-handlers';
import { cliCommandState, installCliCommand, type CliCommandOptions } from '../../electron/core/app/cli-command-link';
import { createStartAtLogin } from '../../electron/core/app/start-at-login';
import { makeAwsHome, type AwsHome } from './aws-home';
import { GoogleTokenServer } from './google-token-server';
import { startBridgeServer, type BridgeServer, type EmitEvent } from './bridge-server';
import { pageBridgeScript } from './page-bridge';
import { copyBuiltRenderer } from './renderer-copy';
import { writeSkyState, type SkyStateFixture } from './sky-state-fixtures';
import { startStsServer, type StsIdentity, type StsServer } from './sts-server';
import { createSsoKeeperService } from '../../electron/core/app/sso-keeper-service';
import { startSsoOidcServer, type SsoOidcServer } from './sso-oidc-server';
import { startSsoPortal, type PortalAccount, type SsoPortalServer } from './sso-portal-rate-limited';

/** What `aws --version` prints for AWS CLI v2 and for the pip v1 shim (docs/interop-aws.md, "AWS CLI v1 and v2"). */
export const AWS_CLI_V2 = 'aws-cli/2.9.19 Python/3.11.2 Linux/6 source/x86_64.debian.12 prompt/off';
export const AWS_CLI_V1 = 'aws-cli/1.45.11 Python/3.11.7 Linux/6 botocore/1.43.11';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
/** The standalone CLI that `npm run build` makes (scripts/cli-bundle.mjs), as the packaged app ships it. */
const CLI_BUNDLE_DIR = fileURLToPath(new URL('../../out/cli-standalone', import.meta.url));
/** Start at login as on Linux, in the temp HOME; this is the command its autostart entry runs. */
export const E2E_LAUNCH_COMMAND = { executable: '/opt/Cloud Identity Tray/cloud-identity-tray', args: [] };

export interface AppLaunch {
  config?: string;
  credentials?: string;
  /** SSO token cache files, by cache key (the sso-session name, or a legacy start URL). */
  tokens?: Record<string, Record<string, unknown>>;
  /** What the local STS answers, by access key id. */
  identities?: Record<string, StsIdentity>;
  /** The local STS waits this long before each answer (to watch progress happen). */
  stsDelayMs?: number;
  /** The `aws --version` line of the only `aws` on PATH (a fake script); null: no `aws` at all. */
  awsCli?: string | null;
  env?: Record<string, string>;
  /** What the shell's file picker answers (an absolute path), or null: the user cancelled. */
  pickedFile?: string | null;
  /** Fix the clock of both the core and the page (epoch ms), for exact expiry wording. */
  now?: number;
  colorScheme?: 'light' | 'dark';
  /**
   * Let the core run the real gcloud (PATH gains /usr/bin) with its token and Cloud Resource
   * Manager calls sent to a local Google token server. Either way CLOUDSDK_CONFIG is
   * `<home>/gcloud` and the app's data folder (imported keys) is `<home>/app-data`.
   */
  gcloud?: boolean;
  /** Write gcloud's directory before the core starts (it is `<home>/gcloud`). */
  prepareGcloud?: (configDir: string, google: GoogleTokenServer | null) => Promise<void>;
  /**
   * A local SSO-OIDC server and IAM Identity Center portal for the core (AWS_ENDPOINT_URL_SSO_OIDC,
   * AWS_ENDPOINT_URL_SSO), and optionally the running app's silent refresh of SSO sessions.
   */
  sso?: { accounts?: PortalAccount[]; portalTokens?: string[]; oidcIntervalSeconds?: number; keepSessions?: boolean };
  /** Write SkyPilot's `<home>/.sky/state.db` before the core starts. */
  sky?: SkyStateFixture;
  /** Files written before the core starts, by path inside the home folder (`.kube/config`). */
  files?: Record<string, string>;
}

export interface LaunchedApp {
  page: Page;
  home: AwsHome;
  core: Core;
  bridge: BridgeServer;
  sts: StsServer;
  /** Every text the window asked the shell to put on the clipboard. */
  copied: string[];
  /** Every URL the window asked the shell to open in the browser. */
  opened: string[];
  /** CLOUDSDK_CONFIG of the core. */
  gcloudDir: string;
  /** The app's data folder (imported keys and their list). */
  appDataDir: string;
  /** The local Google token server, when launched with `gcloud: true`. */
  google: GoogleTokenServer | null;
  /** The local SSO-OIDC server, when launched with `sso`. */
  oidc: SsoOidcServer | null;
  /** The local portal, when launched with `sso`; push to `portalTokens` to accept more. */
  portal: SsoPortalServer | null;
}

export const test = base.extend<{ launchApp: (launch?: AppLaunch) => Promise<LaunchedApp> }, { rendererDir: string }>({
  // One private copy of the build per worker: a rebuild during the run cannot change the page.
  rendererDir: [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const copy = await copyBuiltRenderer(RENDERER_DIR);
      await use(copy.dir);
      await copy.remove();
    },
    { scope: 'worker' },
  ],
  launchApp: async ({ page, rendererDir }, use) => {
    const cleanups: Array<() => Promise<unknown>> = [];
    await use(async (launch = {}) => {
      const home = await makeAwsHome();
      cleanups.push(() => home.cleanup());
      if (launch.config !== undefined) await home.writeConfig(launch.config);
      if (launch.credentials !== undefined) await home.writeCredentials(launch.credentials);
      for (const [key, token] of Object.entries(launch.tokens ?? {})) await home.writeToken(key, token);
      if (launch.sky) await writeSkyState(home.home, launch.sky);
      for (const [path, text] of Object.entries(launch.files ?? {})) {
        await mkdir(dirname(join(home.home, path)), { recursive: true });
        await writeFile(join(home.home, path), text);
      }

      const bin = join(home.home, 'bin');
      await mkdir(bin);
      const awsCli = launch.awsCli === undefined ? AWS_CLI_V2 : launch.awsCli;
      if (awsCli !== null) {
        await writeFile(join(bin, 'aws'), `#!/bin/sh\necho '${awsCli}'\n`);
        await chmod(join(bin, 'aws'), 0o755);
      }

      const sts = await startStsServer({
        identities: launch.identities ?? {},
        responseDelayMs: launch.stsDelayMs ?? 0,
      });
      cleanups.push(() => sts.close());

      const gcloudDir = join(home.home, 'gcloud');
      const appDataDir = join(home.home, 'app-data');
      const google = launch.gcloud ? await GoogleTokenServer.start() : null;
      if (google) cleanups.push(() => google.close());
      if (launch.prepareGcloud) {
        await mkdir(gcloudDir, { recursive: true });
        await launch.prepareGcloud(gcloudDir, google);
      }

      const oidc = launch.sso
        ? await startSsoOidcServer({ intervalSeconds: launch.sso.oidcIntervalSeconds ?? 1 })
        : null;
      if (oidc) cleanups.push(() => oidc.close());
      const portal = launch.sso
        ? await startSsoPortal({ accounts: launch.sso.accounts ?? [], validTokens: launch.sso.portalTokens ?? [] })
        : null;
      if (portal) cleanups.push(() => portal.close());

      const now = launch.now;
      const core = createCore({
        env: {
          HOME: home.home,
          PATH: google ? `${bin}:/usr/bin:/bin` : bin,
          AWS_ENDPOINT_URL_STS: sts.url,
          AWS_EC2_METADATA_DISABLED: 'true',
          CLOUDSDK_CONFIG: gcloudDir,
          CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
          CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
          ...(google
            ? {
                CLOUDSDK_AUTH_TOKEN_HOST: google.tokenUrl,
                CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: `${google.url}/`,
              }
            : {}),
          ...(oidc && portal ? { AWS_ENDPOINT_URL_SSO_OIDC: oidc.url, AWS_ENDPOINT_URL_SSO: portal.url } : {}),
          ...launch.env,
        },
        homeDir: home.home,
        appDataDir,
        settingsFile: home.settingsFile,
        cacheDir: join(home.home, 'app-cache'),
        ...(now === undefined ? {} : { now: () => now }),
        watch: true,
        detectCli: true,
        verifyActive: false,
      });
      cleanups.push(() => core.stop());
      await core.start();
      if (launch.sso?.keepSessions) {
        const keeper = createSsoKeeperService({ core });
        keeper.start();
        cleanups.push(async () => keeper.stop());
      }

      const copied: string[] = [];
      const opened: string[] = [];
      // The desktop services on Linux terms, in the temp HOME; ~/.local/bin is not on this PATH.
      const startAtLogin = createStartAtLogin({
        platform: 'linux',
        env: {},
        homeDir: home.home,
        launch: E2E_LAUNCH_COMMAND,
        loginItems: {
          getLoginItemSettings: () => ({ openAtLogin: false }),
          setLoginItemSettings: () => {
            throw new Error('Linux has no login items: the autostart file is used');
          },
        },
      });
      const cliCommand: CliCommandOptions = {
        platform: 'linux',
        env: { PATH: bin, SHELL: '/bin/bash' },
        homeDir: home.home,
        bundleDir: CLI_BUNDLE_DIR,
        stableCopyDir: null,
      };
      // Handlers emit events (progress of a login...) through the server, which exists only
      // after it is given the handlers: they reach it through this forwarder.
      let emitToPage: EmitEvent = () => undefined;
      const handlers = createOperationHandlers(
        core,
        {
          copyText: (text) => void copied.push(text),
          openExternal: (url) => {
            opened.push(url);
            return true;
          },
          pickFile: async () => launch.pickedFile ?? null,
          startAtLogin,
          cliCommand: { state: () => cliCommandState(cliCommand), install: () => installCliCommand(cliCommand) },
        },
        (event, payload) => emitToPage(event, payload),
      );
      const bridge = await startBridgeServer({
        handlers,
        subscribe: (emit) => {
          emitToPage = emit;
          const offSnapshot = core.onSnapshot((snapshot) => emit('snapshot', snapshot));
          const offProgress = core.onVerifyProgress((progress) => emit('verifyProgress', progress));
          return () => {
            emitToPage = () => undefined;
            offSnapshot();
            offProgress();
          };
        },
        staticDir: rendererDir,
      });
      cleanups.push(() => bridge.close());

      await page.emulateMedia({ colorScheme: launch.colorScheme ?? 'light' });
      if (now !== undefined) await page.clock.setFixedTime(now);
      await page.addInitScript(pageBridgeScript({ token: bridge.token, testDir: join(home.home, 'drops') }));
      await page.goto(bridge.url);
      // The page is live once its event stream is open: only then may a test change files.
      await expect.poll(() => bridge.eventClients()).toBeGreaterThan(0);
      return { page, home, core, bridge, sts, copied, opened, gcloudDir, appDataDir, google, oidc, portal };
    });
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  },
});

export { expect };
