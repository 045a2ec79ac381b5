// Bench child: the JS SDK's own shared-config loader on the same files (the peer).
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

const [configFile, credentialsFile] = process.argv.slice(2) as [string, string];
const started = performance.now();
const files = await loadSharedConfigFiles({ filepath: credentialsFile, configFilepath: configFile, ignoreCache: true });
const elapsed = performance.now() - started;
console.log(JSON.stringify({ ms: elapsed, profiles: Object.keys(files.configFile).length }));
