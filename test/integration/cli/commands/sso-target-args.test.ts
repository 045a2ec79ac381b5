// Which session `cloudid login|logout|refresh|sso sync` mean (electron/cli/commands/sso-target-args.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CommandContext } from '../../../../electron/cli/command';
import { ssoTargetQuery, syncSessionName } from '../../../../electron/cli/commands/sso-target-args';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';

let home: AwsHome;
let ctx: CommandContext;
beforeAll(async () => {
  home = await makeAwsHome();
  await home.writeConfig(
    '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n' +
      '[profile prod]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\n\n' +
      '[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = r\n\n' +
      '[profile keys]\nregion = eu-west-1\n',
  );
  ctx = { env: {}, homeDir: home.home, stdout: { write: () => true }, stderr: { write: () => true } };
});
afterAll(async () => home.cleanup());

describe('the name a command is given', () => {
  it('is one word, or --profile, or --sso-session', () => {
    expect(ssoTargetQuery({}, ['prod'])).toEqual({ kind: 'any', name: 'prod' });
    expect(ssoTargetQuery({ profile: 'prod' }, [])).toEqual({ kind: 'profile', name: 'prod' });
    expect(ssoTargetQuery({ 'sso-session': 'corp' }, [])).toEqual({ kind: 'sso-session', name: 'corp' });
  });

  it('is a usage error when missing or given twice', () => {
    expect(() => ssoTargetQuery({}, [])).toThrow(new UsageError('which profile or sso-session?'));
    expect(() => ssoTargetQuery({ profile: '' }, [])).toThrow(UsageError);
    expect(() => ssoTargetQuery({ profile: 'prod' }, ['corp'])).toThrow(
      new UsageError('give one profile or sso-session'),
    );
  });
});

describe('the session sso sync works on', () => {
  it('is the session a profile uses, or the session named', async () => {
    expect(await syncSessionName(ctx, { kind: 'any', name: 'prod' })).toEqual({ ok: true, name: 'corp' });
    expect(await syncSessionName(ctx, { kind: 'profile', name: 'prod' })).toEqual({ ok: true, name: 'corp' });
    expect(await syncSessionName(ctx, { kind: 'any', name: 'corp' })).toEqual({ ok: true, name: 'corp' });
    expect(await syncSessionName(ctx, { kind: 'sso-session', name: 'corp' })).toEqual({ ok: true, name: 'corp' });
  });

  it('refuses a profile without an sso-session, and a profile that does not use SSO', async () => {
    expect(await syncSessionName(ctx, { kind: 'any', name: 'old' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('sync needs one') as unknown,
    });
    expect(await syncSessionName(ctx, { kind: 'profile', name: 'keys' })).toEqual({
      ok: false,
      message: 'profile "keys" does not use AWS IAM Identity Center (SSO)',
    });
  });

  it('passes an unknown name on, for the sync to say what is missing', async () => {
    expect(await syncSessionName(ctx, { kind: 'any', name: 'nowhere' })).toEqual({ ok: true, name: 'nowhere' });
  });
});
