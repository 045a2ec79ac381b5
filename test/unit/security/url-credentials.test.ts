import { describe, expect, it } from 'vitest';
import { withoutUrlCredentials } from '../../../electron/core/security/url-credentials';

describe('withoutUrlCredentials', () => {
  it('cuts user:password@ out of a URL and keeps the rest as written', () => {
    expect(withoutUrlCredentials('https://alice:s3cret@sky.example.com:46580')).toBe('https://sky.example.com:46580');
    expect(withoutUrlCredentials('http://token@10.0.0.5/api?x=1')).toBe('http://10.0.0.5/api?x=1');
    expect(withoutUrlCredentials('https://a:p@ss@w0rd@host/path@x')).toBe('https://host/path@x');
    expect(withoutUrlCredentials('alice:s3cret@sky.example.com:46580')).toBe('sky.example.com:46580');
  });

  it('leaves URLs without credentials, and mail addresses, alone', () => {
    expect(withoutUrlCredentials('http://127.0.0.1:46580')).toBe('http://127.0.0.1:46580');
    expect(withoutUrlCredentials('https://host/path?user=a@b')).toBe('https://host/path?user=a@b');
    expect(withoutUrlCredentials('alice@example.com')).toBe('alice@example.com');
  });
});
