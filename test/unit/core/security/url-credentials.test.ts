import { describe, expect, it } from 'vitest';
import { urlForLog, withoutUrlCredentials } from '../../../../electron/core/security/url-credentials';

describe('withoutUrlCredentials', () => {
  it('cuts user:password@ out of a URL and keeps the rest as written', () => {
    expect(withoutUrlCredentials('https://alice:s3cret@sky.example.com:46580')).toBe('https://sky.example.com:46580');
    expect(withoutUrlCredentials('http://token@10.0.0.5/api?x=1')).toBe('http://10.0.0.5/api?x=1');
    expect(withoutUrlCredentials('https://a:p@ss@w0rd@host/path@x')).toBe('https://host/path@x');
    expect(withoutUrlCredentials('alice:s3cret@sky.example.com:46580')).toBe('sky.example.com:46580');
  });

  it('logs a refused URL quoted, short and without its credentials', () => {
    expect(urlForLog('https://alice:hunter2@d-123.awsapps.com/start')).toBe('"https://d-123.awsapps.com/start"');
    expect(urlForLog(`file:///${'a'.repeat(500)}`)).toHaveLength(202);
    expect(urlForLog('https://x/\u001b]52;c;aGk=\u0007')).toBe('"https://x/\\u001b]52;c;aGk=\\u0007"');
  });

  it('leaves URLs without credentials, and mail addresses, alone', () => {
    expect(withoutUrlCredentials('http://127.0.0.1:46580')).toBe('http://127.0.0.1:46580');
    expect(withoutUrlCredentials('https://host/path?user=a@b')).toBe('https://host/path?user=a@b');
    expect(withoutUrlCredentials('alice@example.com')).toBe('alice@example.com');
  });
});
