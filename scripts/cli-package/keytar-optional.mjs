// Stands in for `keytar` in the self-contained `cloudid` bundle (scripts/cli-bundle.mjs). keytar is
// a native module, so the package does not depend on it: installing cloudid never needs a
// compiler. It is loaded from wherever Node finds it (`npm install -g keytar` puts it beside a
// global cloudid); without it, the keychain commands fail with this message through
// electron/core/secrets/keytar-secret-store.ts, and every other command works.
import { createRequire } from 'node:module';

let keytar;
try {
  keytar = createRequire(import.meta.url)('keytar');
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND') throw error;
  throw new Error(
    'keytar, which cloudid uses to reach the OS keychain, is not installed; install it beside cloudid with `npm install -g keytar`',
    { cause: error },
  );
}

export default keytar;
export const { getPassword, setPassword, deletePassword } = keytar;
