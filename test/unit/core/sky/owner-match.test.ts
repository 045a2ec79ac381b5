import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCluster } from '../../../../electron/core/sky/owner-match';
import { cloudFromOwner, parseOwner } from '../../../../electron/core/sky/sky-owner';
import type {
  AwsProfileIdentity,
  GcpActiveIdentity,
  GcpCandidate,
  LocalIdentities,
  SkyCluster,
} from '../../../../electron/core/sky/sky-types';

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';
const alice = { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, userId: 'AIDAALICE00000000001' };
const bob = { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/bob`, userId: 'AIDABOB0000000000002' };
const carol = {
  account: OTHER_ACCOUNT,
  arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Admin/carol`,
  userId: 'AROACAROL0000000003:carol',
};

function cluster(name: string, ownerText: string | null, cloud?: SkyCluster['cloud']): SkyCluster {
  const owner = parseOwner(ownerText);
  return {
    name,
    status: 'UP',
    launchedAt: '2025-11-24T16:00:00.000Z',
    owner: owner.value,
    ownerText,
    ownerIdentity: owner.identity,
    cloud: cloud === undefined ? cloudFromOwner(owner.identity) : cloud,
    cloudSource: 'owner',
    region: null,
    workspace: null,
    userHash: null,
  };
}

const noGcp: LocalIdentities['gcp'] = {
  active: {
    account: null,
    project: null,
    accountSource: null,
    projectSource: null,
    configurationVariableSet: false,
    problem: 'gcloud has no active account',
  },
  others: [],
};

function awsLocal(profiles: AwsProfileIdentity[], defaultProfileVariableSet = false): LocalIdentities {
  return { aws: { profiles, defaultProfileVariableSet, environmentKeysSet: false }, gcp: noGcp };
}

function gcpLocal(active: Partial<GcpActiveIdentity>, others: GcpCandidate[] = []): LocalIdentities {
  return {
    aws: { profiles: [], defaultProfileVariableSet: false, environmentKeysSet: false },
    gcp: {
      active: {
        account: null,
        project: null,
        accountSource: 'gcloud-config',
        projectSource: 'gcloud-config',
        configurationVariableSet: false,
        problem: null,
        ...active,
      },
      others,
    },
  };
}

const aliceOwned = cluster('train', JSON.stringify([alice.userId, ACCOUNT]));

describe('AWS owners', () => {
  it('the same user can operate it; nothing to fix', () => {
    const result = matchCluster(aliceOwned, awsLocal([{ profile: 'alice', identity: alice, active: true }]));
    expect(result).toMatchObject({
      cloud: 'aws',
      operableByActive: true,
      fix: null,
      note: null,
      activeIdentity: `${alice.userId} [account=${ACCOUNT}]`,
    });
    expect(result.matches).toEqual([{ cloud: 'aws', identity: 'alice', level: 'user', active: true, fix: null }]);
  });

  it('another user of the same account passes on the account element, as SkyPilot allows with a warning', () => {
    const result = matchCluster(
      aliceOwned,
      awsLocal([
        { profile: 'bob', identity: bob, active: true },
        { profile: 'alice', identity: alice, active: false },
      ]),
    );
    expect(result.operableByActive).toBe(true);
    // Best first: the owner itself, then the same account.
    expect(result.matches).toEqual([
      { cloud: 'aws', identity: 'alice', level: 'user', active: false, fix: 'AWS_PROFILE=alice sky ...' },
      { cloud: 'aws', identity: 'bob', level: 'account', active: true, fix: null },
    ]);
    expect(result.note).toMatch(
      /Same AWS account 111122223333 as the owner .* another user or role: SkyPilot allows it with a warning and records the active identity as the new owner/,
    );
    expect(result.note).toMatch(/To keep the owner, use profile alice/);
    // Switching to the owner keeps the cluster's owner as it is.
    expect(result.fix).toBe('AWS_PROFILE=alice sky ...');
  });

  it("another account cannot: the note repeats SkyPilot's error and the fix names the owning profile", () => {
    const result = matchCluster(
      aliceOwned,
      awsLocal([
        { profile: 'carol', identity: carol, active: true },
        { profile: 'alice-prod', identity: alice, active: false },
      ]),
    );
    expect(result.operableByActive).toBe(false);
    expect(result.fix).toBe('AWS_PROFILE=alice-prod sky ...');
    expect(result.note).toBe(
      `SkyPilot refuses: 'train' (AWS) is owned by IAM user ${alice.userId} in account ${ACCOUNT}, but the active identity is role session ${carol.userId} in account ${OTHER_ACCOUNT}. It can be operated as alice-prod.`,
    );
  });

  it('says nobody here can operate it when no verified profile matches', () => {
    const result = matchCluster(aliceOwned, awsLocal([{ profile: 'carol', identity: carol, active: true }]));
    expect(result).toMatchObject({ operableByActive: false, fix: null, matches: [] });
    expect(result.note).toMatch(/No local identity that cloudid knows can operate it/);
  });

  it('is unknown while the active profile is unverified, yet offers a verified match', () => {
    const result = matchCluster(
      aliceOwned,
      awsLocal([
        { profile: 'default', identity: null, active: true },
        { profile: 'alice', identity: alice, active: false },
      ]),
    );
    expect(result.operableByActive).toBeNull();
    expect(result.note).toBe(
      'Unknown whether the active identity can operate it: the active AWS profile "default" is not verified.',
    );
    expect(result.fix).toBe('AWS_PROFILE=alice sky ...');
  });

  it('sets AWS_DEFAULT_PROFILE too when it is set, because botocore reads it first', () => {
    const result = matchCluster(
      aliceOwned,
      awsLocal(
        [
          { profile: 'carol', identity: carol, active: true },
          { profile: 'my alice', identity: alice, active: false },
        ],
        true,
      ),
    );
    expect(result.fix).toBe("AWS_PROFILE='my alice' AWS_DEFAULT_PROFILE='my alice' sky ...");
  });

  it("decides by the account in an unverified profile's config (sso_account_id, role_arn), since that element alone lets SkyPilot through", () => {
    const sameAccount = matchCluster(
      aliceOwned,
      awsLocal([{ profile: 'sso-dev', identity: null, active: true, accountHint: ACCOUNT }]),
    );
    expect(sameAccount).toMatchObject({ operableByActive: true, fix: null, activeIdentity: `? [account=${ACCOUNT}]` });
    expect(sameAccount.note).toMatch(/cloudid clusters --verify/);
    const otherAccount = matchCluster(
      aliceOwned,
      awsLocal([
        { profile: 'sso-prod', identity: null, active: true, accountHint: OTHER_ACCOUNT },
        { profile: 'sso-dev', identity: null, active: false, accountHint: ACCOUNT },
      ]),
    );
    expect(otherAccount).toMatchObject({ operableByActive: false, fix: 'AWS_PROFILE=sso-dev sky ...' });
    expect(otherAccount.note).toBe(
      `SkyPilot refuses: 'train' (AWS) is owned by IAM user ${alice.userId} in account ${ACCOUNT}, but the active profile is in account ${OTHER_ACCOUNT} (from its config). It can be operated as sso-dev.`,
    );
    // A one-element legacy owner compares only the UserId: the account says nothing.
    const legacy = matchCluster(
      cluster('old', alice.userId),
      awsLocal([{ profile: 'sso-dev', identity: null, active: true, accountHint: ACCOUNT }]),
    );
    expect(legacy.operableByActive).toBeNull();
  });

  it('says keys in the environment decide, and unsets them in the fix', () => {
    const local = awsLocal([{ profile: 'alice', identity: alice, active: false }]);
    local.aws.environmentKeysSet = true;
    const result = matchCluster(aliceOwned, local);
    expect(result.operableByActive).toBeNull();
    expect(result.note).toMatch(/AWS_ACCESS_KEY_ID is set/);
    expect(result.fix).toBe(
      'env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN AWS_PROFILE=alice sky ...',
    );
  });

  it('compares a legacy one-element owner only on its first element (Python zip)', () => {
    const legacyUser = cluster('old', alice.userId);
    expect(legacyUser.cloud).toBe('aws');
    expect(
      matchCluster(legacyUser, awsLocal([{ profile: 'alice', identity: alice, active: true }])).operableByActive,
    ).toBe(true);
    // Same account, other user: the account element is never compared for a one-element owner.
    expect(matchCluster(legacyUser, awsLocal([{ profile: 'bob', identity: bob, active: true }])).operableByActive).toBe(
      false,
    );
    // An account id stored bare (JSON reads a number) is compared with the UserId: only the root user matches.
    const legacyAccount = cluster('older', ACCOUNT);
    const root = { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT };
    expect(
      matchCluster(legacyAccount, awsLocal([{ profile: 'root', identity: root, active: true }])).operableByActive,
    ).toBe(true);
    expect(
      matchCluster(legacyAccount, awsLocal([{ profile: 'alice', identity: alice, active: true }])).operableByActive,
    ).toBe(false);
  });

  it('strips newlines and backslashes from stored owners before comparing', () => {
    const dirty = cluster('dirty', JSON.stringify([`${alice.userId}\n`, `${ACCOUNT}\\`]), 'aws');
    expect(matchCluster(dirty, awsLocal([{ profile: 'alice', identity: alice, active: true }])).matches[0]?.level).toBe(
      'user',
    );
  });
});

describe('GCP owners', () => {
  const owned = cluster('gpu', JSON.stringify(['me@example.com [project_id=ml-prod]']));

  it('the same account and project can operate it', () => {
    const result = matchCluster(owned, gcpLocal({ account: 'me@example.com', project: 'ml-prod' }));
    expect(result).toMatchObject({
      cloud: 'gcp',
      operableByActive: true,
      fix: null,
      activeIdentity: 'me@example.com [project_id=ml-prod]',
    });
  });

  it('the same account in another project cannot; the fix sets the project', () => {
    const result = matchCluster(owned, gcpLocal({ account: 'me@example.com', project: 'ml-dev' }));
    expect(result.operableByActive).toBe(false);
    expect(result.fix).toBe('gcloud config set project ml-prod');
    expect(result.note).toBe(
      "SkyPilot refuses: 'gpu' (GCP) is owned by me@example.com in project ml-prod, but the active identity is me@example.com in project ml-dev. Same account, another project: SkyPilot compares account and project as one identity. It can be operated as me@example.com.",
    );
  });

  it('sets GOOGLE_CLOUD_PROJECT when the project comes from the environment or a key', () => {
    for (const projectSource of [
      'GOOGLE_CLOUD_PROJECT',
      'GOOGLE_APPLICATION_CREDENTIALS',
      'application-default-key',
    ] as const) {
      const result = matchCluster(owned, gcpLocal({ account: 'me@example.com', project: 'ml-dev', projectSource }));
      expect(result.fix).toBe('GOOGLE_CLOUD_PROJECT=ml-prod sky ...');
    }
    const fromCloudsdk = matchCluster(
      owned,
      gcpLocal({ account: 'me@example.com', project: 'ml-dev', projectSource: 'CLOUDSDK_CORE_PROJECT' }),
    );
    expect(fromCloudsdk.fix).toBe('CLOUDSDK_CORE_PROJECT=ml-prod sky ...');
  });

  it('switches account (and project) for another credentialed account, or activates a configuration that has both', () => {
    const others: GcpCandidate[] = [{ account: 'me@example.com', project: null, kind: 'account', configuration: null }];
    const byAccount = matchCluster(
      owned,
      gcpLocal({ account: 'ci@ml-dev.iam.gserviceaccount.com', project: 'ml-dev' }, others),
    );
    expect(byAccount.fix).toBe('gcloud config set account me@example.com && gcloud config set project ml-prod');
    const withConfiguration = matchCluster(
      owned,
      gcpLocal({ account: 'ci@ml-dev.iam.gserviceaccount.com', project: 'ml-dev' }, [
        { account: 'me@example.com', project: 'ml-prod', kind: 'configuration', configuration: 'prod' },
        ...others,
      ]),
    );
    expect(withConfiguration.matches).toEqual([
      {
        cloud: 'gcp',
        identity: 'me@example.com (configuration prod)',
        level: 'user',
        active: false,
        fix: 'gcloud config configurations activate prod',
      },
    ]);
    const pinned = matchCluster(
      owned,
      gcpLocal(
        { account: 'ci@x.iam.gserviceaccount.com', project: 'ml-dev', accountSource: 'CLOUDSDK_CORE_ACCOUNT' },
        others,
      ),
    );
    // An account pinned by CLOUDSDK_CORE_ACCOUNT can only be changed by the same variable.
    expect(pinned.fix).toBe('gcloud config set project ml-prod && CLOUDSDK_CORE_ACCOUNT=me@example.com sky ...');
  });

  it('is unknown when the project SkyPilot would use cannot be told, and false with no active account', () => {
    const noProject = matchCluster(
      owned,
      gcpLocal({
        account: 'me@example.com',
        project: null,
        projectSource: null,
        problem: 'there are no application default credentials',
      }),
    );
    expect(noProject.operableByActive).toBeNull();
    expect(noProject.note).toMatch(/no application default credentials/);
    const noAccount = matchCluster(owned, gcpLocal({ account: null, problem: 'gcloud has no active account' }));
    expect(noAccount.operableByActive).toBe(false);
    expect(noAccount.note).toBe('SkyPilot cannot tell the active GCP identity: gcloud has no active account.');
  });
});

describe('owners without a usable identity', () => {
  it('treats a null owner as unclaimed: SkyPilot records the next identity that operates it', () => {
    const result = matchCluster(
      cluster('legacy', null, 'aws'),
      awsLocal([{ profile: 'carol', identity: carol, active: true }]),
    );
    expect(result).toMatchObject({ operableByActive: true, matches: [], fix: null });
    expect(result.note).toMatch(/No owner is recorded/);
  });

  it('does not judge clusters on clouds it has no identities for', () => {
    const result = matchCluster(
      cluster('k', JSON.stringify(['ctx']), 'kubernetes'),
      awsLocal([{ profile: 'alice', identity: alice, active: true }]),
    );
    expect(result).toMatchObject({ operableByActive: null, matches: [] });
  });

  it('compares every identity when the owner shape names no cloud', () => {
    const odd = cluster('odd', JSON.stringify(['something-else']));
    expect(odd.cloud).toBeNull();
    const result = matchCluster(odd, awsLocal([{ profile: 'alice', identity: alice, active: true }]));
    expect(result.operableByActive).toBeNull();
    expect(result.note).toMatch(/cloud is not recorded/);
  });

  it('refuses a cluster of another workspace before comparing identities, as newer SkyPilot does', () => {
    const research = { ...aliceOwned, workspace: 'research' };
    const local = awsLocal([{ profile: 'alice', identity: alice, active: true }]);
    const result = matchCluster(research, local, {
      workspace: { active: 'default', configFile: '~/.sky/config.yaml' },
    });
    expect(result).toMatchObject({
      operableByActive: false,
      fix: 'Set `active_workspace: research` in ~/.sky/config.yaml',
    });
    expect(result.note).toBe(
      "SkyPilot refuses: The cluster 'train' is in workspace 'research', but the active workspace is 'default'.",
    );
    expect(result.matches.map((m) => m.identity)).toEqual(['alice']);
    expect(matchCluster(research, local, { workspace: { active: 'research', configFile: 'c' } }).operableByActive).toBe(
      true,
    );
    // Older SkyPilot has no workspace column and no such check.
    expect(
      matchCluster(aliceOwned, local, { workspace: { active: 'research', configFile: 'c' } }).operableByActive,
    ).toBe(true);
  });

  it('reports operable when SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK is set', () => {
    const result = matchCluster(aliceOwned, awsLocal([{ profile: 'carol', identity: carol, active: true }]), {
      skipIdentityCheck: true,
    });
    expect(result.operableByActive).toBe(true);
    expect(result.note).toMatch(/SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK/);
  });
});

describe('owner comparison laws', () => {
  it('an identity always operates a cluster it owns, and never one of another account and user', () => {
    const id = fc.record({
      userId: fc.stringMatching(/^A[A-Z]{3}[A-Z0-9]{17}$/),
      account: fc.stringMatching(/^\d{12}$/),
    });
    fc.assert(
      fc.property(id, id, (owner, other) => {
        const owned = cluster('c', JSON.stringify([owner.userId, owner.account]), 'aws');
        const self = matchCluster(
          owned,
          awsLocal([{ profile: 'p', identity: { ...owner, arn: 'arn' }, active: true }]),
        );
        const stranger = matchCluster(
          owned,
          awsLocal([{ profile: 'q', identity: { ...other, arn: 'arn' }, active: true }]),
        );
        const related = other.userId === owner.userId || other.account === owner.account;
        return self.operableByActive === true && stranger.operableByActive === related;
      }),
    );
  });
});

describe('remembered identities', () => {
  const NOW = Date.parse('2026-12-07T14:00:00.000Z');
  const TWO_HOURS_AGO = '2026-12-07T12:00:00.000Z';
  const owned = cluster('train', JSON.stringify([alice.userId, ACCOUNT]));

  it('decide ownership offline, and the note says how old the answer is', () => {
    const result = matchCluster(
      owned,
      awsLocal([{ profile: 'alice', identity: alice, active: true, rememberedAt: TWO_HOURS_AGO }]),
      { now: NOW },
    );
    expect(result.operableByActive).toBe(true);
    expect(result.activeRememberedAt).toBe(TWO_HOURS_AGO);
    expect(result.note).toBe(
      'The active profile alice is who STS said it was, verified 2h ago; verifying again tells whether it still is.',
    );
    expect(result.matches).toEqual([
      { cloud: 'aws', identity: 'alice', level: 'user', active: true, fix: null, rememberedAt: TWO_HOURS_AGO },
    ]);
  });

  it('a refusal from a remembered answer says so too', () => {
    const result = matchCluster(
      owned,
      awsLocal([{ profile: 'carol', identity: carol, active: true, rememberedAt: '2026-12-04T13:00:00.000Z' }]),
      { now: NOW },
    );
    expect(result.operableByActive).toBe(false);
    expect(result.note).toMatch(
      /^SkyPilot refuses: .* is owned by IAM user AIDAALICE00000000001 in account 111122223333/,
    );
    expect(result.note).toMatch(/The active profile carol is who STS said it was, verified 3d ago;/);
  });

  it('an answer asked now is not called remembered', () => {
    const result = matchCluster(owned, awsLocal([{ profile: 'alice', identity: alice, active: true }]), { now: NOW });
    expect(result.note).toBeNull();
    expect(result.activeRememberedAt).toBeUndefined();
  });

  it('are recommended after identities asked now', () => {
    const result = matchCluster(
      owned,
      awsLocal([
        { profile: 'carol', identity: carol, active: true },
        { profile: 'alice-old', identity: alice, active: false, rememberedAt: TWO_HOURS_AGO },
        { profile: 'alice-new', identity: alice, active: false },
      ]),
      { now: NOW },
    );
    expect(result.matches.map((m) => m.identity)).toEqual(['alice-new', 'alice-old']);
    expect(result.fix).toBe('AWS_PROFILE=alice-new sky ...');
  });
});

describe('recommendations', () => {
  const owned = cluster('train', JSON.stringify([alice.userId, ACCOUNT]));

  it('recommend only identities that can be used now, best first', () => {
    const result = matchCluster(
      owned,
      awsLocal([
        { profile: 'carol', identity: carol, active: true, usable: true },
        { profile: 'alice-expired', identity: alice, active: false, usable: false },
        { profile: 'bob', identity: bob, active: false, usable: true },
        { profile: 'alice-ok', identity: alice, active: false, usable: true },
      ]),
    );
    expect(result.operableByActive).toBe(false);
    expect(result.matches.map((m) => [m.identity, m.level])).toEqual([
      ['alice-ok', 'user'],
      ['bob', 'account'],
      ['alice-expired', 'user'],
    ]);
    expect(result.fix).toBe('AWS_PROFILE=alice-ok sky ...');
    expect(result.note).toMatch(
      /It can be operated as alice-ok, bob\. alice-expired could too, once signed in again\.$/,
    );
  });

  it('never recommend an identity that cannot be used, and never say none can while one could', () => {
    const result = matchCluster(
      owned,
      awsLocal([
        { profile: 'carol', identity: carol, active: true, usable: true },
        { profile: 'alice-expired', identity: alice, active: false, usable: false },
      ]),
    );
    expect(result.fix).toBeNull();
    expect(result.note).toMatch(/alice-expired could too, once signed in again\.$/);
    expect(result.note).not.toMatch(/It can be operated as|No local identity/);
  });

  it('say the owner in words: a role session, the root user, a GCP account and project', () => {
    const roleOwned = cluster('r', JSON.stringify([carol.userId, OTHER_ACCOUNT]));
    const rootOwned = cluster('root', JSON.stringify([ACCOUNT, ACCOUNT]));
    const local = awsLocal([{ profile: 'alice', identity: alice, active: true }]);
    expect(matchCluster(roleOwned, local).note).toMatch(
      /is owned by role session AROACAROL0000000003:carol in account 444455556666, but the active identity is IAM user AIDAALICE00000000001 in account 111122223333/,
    );
    expect(matchCluster(rootOwned, local).note).toMatch(/owner \(the root user in account 111122223333\)/);
    const gpu = cluster('gpu', JSON.stringify(['me@example.com [project_id=ml-prod]']));
    const note = matchCluster(gpu, gcpLocal({ account: 'you@example.com', project: 'ml-prod' })).note ?? '';
    expect(note).toMatch(
      /is owned by me@example.com in project ml-prod, but the active identity is you@example.com in project ml-prod/,
    );
    expect(note).not.toMatch(/\[|\]/);
  });
});
