/**
 * Stands in for the user's browser: follows /authorize on the local OIDC server to its redirect
 * and delivers it to our loopback server. `tamper` lets a test alter the redirect first.
 */
export function fakeBrowser(tamper: (redirect: URL) => URL = (u) => u): {
  openUrl: (url: string) => Promise<void>;
  visited: string[];
} {
  const visited: string[] = [];
  return {
    visited,
    openUrl: async (url: string) => {
      visited.push(url);
      const authorize = await fetch(url, { redirect: 'manual' });
      const location = authorize.headers.get('location');
      if (authorize.status !== 302 || !location)
        throw new Error(`authorize answered ${authorize.status}: ${await authorize.text()}`);
      const callback = await fetch(tamper(new URL(location)));
      await callback.text();
    },
  };
}
