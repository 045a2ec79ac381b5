// `cloudid sso <command>`: IAM Identity Center account sync (one command so far).
import { defineCommandGroup } from '../command';

export const run = defineCommandGroup({
  name: 'sso',
  summary: 'AWS IAM Identity Center (SSO) sessions.',
  subcommands: {
    sync: {
      synopsis: '<sso-session|profile> [--apply] [--json]   a profile for every account and role',
      load: () => import('./sso-sync'),
    },
  },
});
