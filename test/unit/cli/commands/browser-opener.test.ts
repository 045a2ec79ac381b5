import { describe, expect, it } from 'vitest';
import { browserCommand, openInBrowser } from '../../../../electron/cli/commands/browser-opener';

const URL_WITH_QUERY = 'https://oidc.eu-west-1.amazonaws.com/authorize?response_type=code&client_id=a&state=b';

describe('browserCommand', () => {
  it('passes the URL as one argument to the platform opener, never through a shell', () => {
    expect(browserCommand('linux', URL_WITH_QUERY)).toEqual({ command: 'xdg-open', args: [URL_WITH_QUERY] });
    expect(browserCommand('darwin', URL_WITH_QUERY)).toEqual({ command: 'open', args: [URL_WITH_QUERY] });
    expect(browserCommand('win32', URL_WITH_QUERY)).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', URL_WITH_QUERY],
    });
  });

  it('refuses anything but http(s)', () => {
    expect(browserCommand('linux', 'file:///etc/passwd')).toBeNull();
    expect(browserCommand('linux', 'javascript:alert(1)')).toBeNull();
    expect(browserCommand('linux', 'not a url')).toBeNull();
  });

  it('rejects instead of opening a non-http URL', async () => {
    await expect(openInBrowser('file:///etc/passwd')).rejects.toThrow('not an http(s) URL');
  });
});
