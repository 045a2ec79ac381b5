// `node --import tsx --import ./test/support/electron-fake/register.mjs ...`: installs the hook
// that maps 'electron' to the fake (tsx, registered first, compiles the fake's TypeScript).
import { register } from 'node:module';

register('./module-hooks.mjs', import.meta.url);
