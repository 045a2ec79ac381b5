// The window's only way out: the object the preload (or, in tests, the in-page test bridge)
// puts on `window`. Both are typed `CloudIdApi`, so the renderer cannot tell them apart.
import type { CloudIdApi } from './shared-types';

export function bridge(): CloudIdApi {
  const api = (window as unknown as { cloudid?: CloudIdApi }).cloudid;
  if (api === undefined) throw new Error('window.cloudid is missing: the window was opened without its preload');
  return api;
}
