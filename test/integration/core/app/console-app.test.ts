// The window's and tray's "Open AWS console": the openConsole handler over a real core, the
// local STS and a local federation endpoint. The shell's opener is a recorder; the URL it gets
// is compared as booleans, so a failure never prints it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { createOperationHandlers, type ShellServices } from '../../../../electron/core/app/operation-handlers';
import { decideExternalUrl } from '../../../../electron/core/security/external-url-policy';
import { parseInput } from '../../../../electron/shared/contract';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { startFederationServer, type FederationServer } from '../../../support/federation-server';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const DEV = { accessKeyId: 'AKIADEV0000000000002', secretAccessKey: 'dev-secret-0000000000000000000000000002' };
const ADMIN_ROLE = 'arn:aws:iam::444455556666:role/Admin';

let aws: AwsHome;
let sts: StsServer;
let federation: FederationServer;
let core: Core;

beforeAll(async () => {
  aws = await makeAwsHome();
  sts = await startStsServer({
    identities: {
      [DEV.accessKeyId]: {
        secretAccessKey: DEV.secretAccessKey,
        account: '111122223333',
        arn: 'arn:aws:iam::111122223333:user/dev',
        userId: 'AIDADEV2',
      },
    },
    roles: { [ADMIN_ROLE]: {} },
  });
  federation = await startFederationServer({
    accepts: (s) => /:assumed-role\/Admin\//.test(sts.identityOf(s.sessionId, s.sessionKey, s.sessionToken)?.arn ?? ''),
  });
  await aws.writeConfig(`[profile admin]\nrole_arn = ${ADMIN_ROLE}\nsource_profile = dev\nregion = eu-west-1\n`);
  await aws.writeCredentials(
    `[dev]\naws_access_key_id = ${DEV.accessKeyId}\naws_secret_access_key = ${DEV.secretAccessKey}\n`,
  );
  core = createCore({
    env: { HOME: aws.home, PATH: '', AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_SIGNIN: federation.url },
    homeDir: aws.home,
    settingsFile: aws.settingsFile,
    watch: false,
    detectCli: false,
    gcp: false,
  });
  await core.start();
});

afterAll(async () => {
  await core.stop();
  await federation.close();
  await sts.close();
  await aws.cleanup();
});

function handlersWith(openExternal: ShellServices['openExternal']) {
  return createOperationHandlers(core, { copyText: () => undefined, ...(openExternal ? { openExternal } : {}) });
}

describe('openConsole', () => {
  it('hands the shell a sign-in URL for the role credentials, and returns no URL', async () => {
    const opened: string[] = [];
    const result = await handlersWith((url) => {
      opened.push(url);
      return true;
    }).openConsole(parseInput('openConsole', { profile: 'admin' }));
    expect(result).toEqual({ opened: true, message: 'Opened the AWS console as profile admin.' });
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0] ?? '');
    expect(`${url.origin}${url.pathname}` === `${federation.url}/federation`).toBe(true);
    expect(federation.issued(url.searchParams.get('SigninToken') ?? '')).toBe(true);
    expect(url.searchParams.get('Destination')).toBe(
      'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    );
    expect(JSON.stringify(result).includes('SigninToken')).toBe(false);
  });

  it('says so when the app policy does not open the URL (a sign-in endpoint that is not AWS)', async () => {
    const result = await handlersWith((url) => decideExternalUrl(url).allowed).openConsole({ profile: 'admin' });
    expect(result).toEqual({
      opened: false,
      message: 'The browser did not open the AWS sign-in page (only AWS sign-in hosts are opened, over https).',
    });
  });

  it('reports a failure in a sentence', async () => {
    const result = await handlersWith(() => true).openConsole({ profile: 'dev' });
    // `dev` has only long-term keys and no config section; the local STS refuses nothing here,
    // but the federation endpoint accepts only the Admin role's credentials.
    expect(result.opened).toBe(false);
    expect(result.message).toBe(
      `${new URL(federation.url).host} refused the credentials for a console sign-in token (HTTP 400).`,
    );
    expect(await handlersWith(() => true).openConsole({ profile: 'nobody' })).toEqual({
      opened: false,
      message: 'There is no profile named nobody.',
    });
  });

  it('refuses a malformed argument at the boundary', () => {
    expect(() => parseInput('openConsole', { profile: 'a\nb' })).toThrow();
    expect(() => parseInput('openConsole', { profile: 'admin', url: 'x' })).toThrow();
  });
});
