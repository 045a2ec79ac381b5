// `cloudid gcp <command>`: Google Cloud service-account keys, one file per command.
import { defineCommandGroup } from '../command';

export const run = defineCommandGroup({
  name: 'gcp',
  summary:
    'Google Cloud service-account keys: imported, verified, and set in your shell profiles.\n' +
    "A <key> is an imported key's id, a unique start of it, or its account's email.",
  subcommands: {
    list: { synopsis: '[--json]                   the imported keys', load: () => import('./gcp-list') },
    import: {
      synopsis: '<key.json> [--activate [--own-configuration]] [--remove-download] [--replace] [--json]',
      load: () => import('./gcp-import'),
    },
    remove: { synopsis: '<key>', load: () => import('./gcp-remove') },
    verify: { synopsis: '<key.json | key> [--json]', load: () => import('./gcp-verify') },
    env: {
      synopsis:
        '<key | key.json> [--apply] | --remove [--apply]   GOOGLE_APPLICATION_CREDENTIALS in your shell profiles',
      load: () => import('./gcp-env'),
    },
  },
});
