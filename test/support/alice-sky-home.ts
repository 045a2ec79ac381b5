// A home whose default AWS profile holds Alice's static keys, with a SkyPilot state of two
// clusters: `mine`, launched by Alice, and `theirs`, launched by someone in another account.
// The core tests that decide who can operate which cluster start from it.
import { makeAwsHome, type AwsHome } from './aws-home';
import { writeSkyState } from './sky-state-fixtures';

export const ALICE = { accessKeyId: 'AKIAALICE00000000001', secretAccessKey: 'alice-secret-0000000000000000000000000' };
/** What STS says of Alice's keys. */
export const ALICE_ID = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/alice',
  userId: 'AIDAALICE0000000001',
};

export async function makeAliceSkyHome(theirsStatus: 'UP' | 'STOPPED' = 'UP'): Promise<AwsHome> {
  const made = await makeAwsHome();
  await made.writeConfig('[default]\nregion = us-east-1\n');
  await made.writeCredentials(
    `[default]\naws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = ${ALICE.secretAccessKey}\n`,
  );
  await writeSkyState(made.home, {
    schema: 'v0.9-sqlite3',
    rows: [
      {
        name: 'mine',
        status: 'UP',
        launched_at: 1_764_000_000,
        owner: JSON.stringify([ALICE_ID.userId, ALICE_ID.account]),
      },
      {
        name: 'theirs',
        status: theirsStatus,
        launched_at: 1_764_000_100,
        owner: JSON.stringify(['AIDAOTHER000000000001', '999988887777']),
      },
    ],
  });
  return made;
}
