import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseServiceAccountKey, type KeyRejectionReason } from '../../../../electron/core/gcp/service-account-key';
import { rsaPrivateKeyPem, serviceAccountKey, wrongFiles } from '../../../support/gcloud-fixtures';

const bytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, null, 2));

function rejection(buffer: Buffer, path = 'key.json'): { reason: KeyRejectionReason; message: string } {
  const result = parseServiceAccountKey(buffer, path);
  if (result.ok) throw new Error('expected a rejection');
  return result;
}

describe('parseServiceAccountKey', () => {
  it('accepts a console-downloaded key and returns only metadata in `key`', () => {
    const json = serviceAccountKey({ project_id: 'acme-prod' });
    const result = parseServiceAccountKey(bytes(json));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.secret.key).toEqual({
      keyId: json.private_key_id,
      clientEmail: 'deployer@acme-prod.iam.gserviceaccount.com',
      projectId: 'acme-prod',
      clientId: json.client_id,
      tokenUri: 'https://oauth2.googleapis.com/token',
      universeDomain: 'googleapis.com',
    });
    expect(JSON.stringify(result.secret.key)).not.toContain('PRIVATE KEY');
  });

  it('accepts a PKCS#1 private key and defaults a missing token_uri to Google', () => {
    const { token_uri: _dropped, ...json } = serviceAccountKey({ private_key: rsaPrivateKeyPem(0, 'pkcs1') });
    const result = parseServiceAccountKey(bytes(json));
    expect(result.ok && result.secret.key.tokenUri).toBe('https://oauth2.googleapis.com/token');
  });

  it.each([
    ['client_secret.json', 'oauth-client-secret', /OAuth client secret/],
    ['web_client.json', 'oauth-client-secret', /OAuth client secret/],
    ['adc_user.json', 'authorized-user', /user credential/],
    ['workload_identity.json', 'external-account', /never does/],
    ['impersonated.json', 'impersonated-service-account', /impersonation/],
    ['key.p12', 'p12', /P12/],
    ['truncated.json', 'truncated', /truncated/],
    ['huge.json', 'too-large', /MiB/],
    ['binary.json', 'binary', /binary/],
  ] as const)('rejects %s as %s with its own message', (name, reason, message) => {
    const file = wrongFiles()[name];
    if (!file) throw new Error(name);
    const result = rejection(file, name);
    expect(result.reason).toBe(reason);
    expect(result.message).toMatch(message);
  });

  it('never quotes the file in a JSON syntax error (V8 quotes what it choked on)', () => {
    const pem = rsaPrivateKeyPem(0);
    const body = pem.split('\n')[1] ?? '';
    for (const text of [body, `${body}\n{}`, `[1, ${body}]`, `{"a": 1}\n${body}`]) {
      const result = rejection(Buffer.from(text));
      expect(['not-json', 'truncated']).toContain(result.reason);
      expect(result.message).not.toContain(body.slice(0, 4));
      if (result.reason === 'not-json')
        expect(result.message).toMatch(/^This is not JSON( \(line \d+, column \d+\)|: it ends early)?\.$/);
    }
  });

  it('recognises a P12 by its DER bytes even when named .json', () => {
    const p12 = wrongFiles()['key.p12'];
    if (!p12) throw new Error('fixture');
    expect(rejection(p12, 'download.json').reason).toBe('p12');
  });

  it('names the missing fields', () => {
    const { private_key: _k, private_key_id: _id, ...json } = serviceAccountKey();
    const result = rejection(bytes(json));
    expect(result.reason).toBe('missing-fields');
    expect(result.message).toContain('"private_key"');
    expect(result.message).toContain('"private_key_id"');
  });

  it.each(['someone@gmail.com', 'not an email', 'deployer@acme.iam.gserviceaccount.com.evil.com'])(
    'rejects client_email %s',
    (email) => {
      expect(rejection(bytes(serviceAccountKey({ client_email: email }))).reason).toBe('bad-client-email');
    },
  );

  it('accepts the default compute and App Engine service accounts', () => {
    for (const email of ['123456789012-compute@developer.gserviceaccount.com', 'acme@appspot.gserviceaccount.com']) {
      expect(parseServiceAccountKey(bytes(serviceAccountKey({ client_email: email }))).ok).toBe(true);
    }
  });

  it('rejects a private key that crypto.createPrivateKey cannot read', () => {
    const pem = rsaPrivateKeyPem();
    const damaged = pem.replace(/[A-Za-z0-9+/]{64}\n/, (line) => `${line.slice(0, 10)}!!!!${line.slice(14)}`);
    expect(rejection(bytes(serviceAccountKey({ private_key: damaged }))).reason).toBe('bad-private-key');
    expect(rejection(bytes(serviceAccountKey({ private_key: 'hello' }))).reason).toBe('bad-private-key');
  });

  it('rejects a non-RSA private key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const result = rejection(bytes(serviceAccountKey({ private_key: ec })));
    expect(result.reason).toBe('bad-private-key');
    expect(result.message).toContain('ec');
  });

  it('rejects a key id that could escape the key folder', () => {
    expect(rejection(bytes(serviceAccountKey({ private_key_id: '../../etc/passwd' }))).reason).toBe('bad-key-id');
  });

  it('rejects other JSON: wrong type, no type, arrays, empty', () => {
    expect(rejection(bytes({ type: 'something_else' })).reason).toBe('unknown-type');
    expect(rejection(bytes({ hello: 'world' })).reason).toBe('unknown-type');
    expect(rejection(bytes([1, 2])).reason).toBe('not-an-object');
    expect(rejection(Buffer.from('hello')).reason).toBe('not-json');
    expect(rejection(Buffer.alloc(0)).reason).toBe('empty');
  });
});

describe('a key file that starts with a byte-order mark', () => {
  it('is accepted, and the bytes kept for the copy are the file without the mark', () => {
    const plain = bytes(serviceAccountKey());
    const result = parseServiceAccountKey(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.secret.bytes.equals(plain)).toBe(true);
    // What gcloud (Python's json.load) and Node's JSON.parse need: JSON from the first byte.
    expect(() => JSON.parse(result.secret.bytes.toString('utf8')) as unknown).not.toThrow();
  });
});
