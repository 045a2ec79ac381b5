// node:crypto, loaded when first used. Loading it sets up OpenSSL, some 7–10 ms of a one-shot
// command's start (docs/performance.md); a static `import ... from 'node:crypto'` pays that at
// link time even on a path that never hashes, such as `cloudid status` answered from its memo.
import type * as Crypto from 'node:crypto';

let loaded: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}

/** Hex digest of UTF-8 text: the file names the AWS CLI and SDK derive from a session or URL. */
export function hexDigest(algorithm: 'sha1' | 'sha256', text: string): string {
  return nodeCrypto().hash(algorithm, text, 'hex');
}
