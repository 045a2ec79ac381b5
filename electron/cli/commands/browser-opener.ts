// Opens a URL in the user's browser for `cloudid login`, like the AWS CLI's webbrowser.open.
// Only http(s) URLs, and never through a shell: on Windows `cmd /c start` would split the URL
// at its `&`s, so the URL goes to rundll32's protocol handler as one argument.
import { spawn } from 'node:child_process';

export interface BrowserCommand {
  command: string;
  args: string[];
}

export function browserCommand(platform: NodeJS.Platform, url: string): BrowserCommand | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const href = parsed.toString();
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [href] };
    case 'win32':
      return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', href] };
    default:
      return { command: 'xdg-open', args: [href] };
  }
}

/** Resolves once the opener started; rejects when there is none (the caller prints the URL). */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const opener = browserCommand(platform, url);
  if (!opener) return Promise.reject(new Error(`not an http(s) URL: ${url}`));
  return new Promise<void>((resolve, reject) => {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
