// `cloudid console <profile> [--print] [--destination URL]`: opens the AWS console signed in as
// the profile (core/aws/console-credentials.ts, console-signin.ts). The URL signs anyone in for
// 15 minutes, so it is printed only when --print asks for it, and never in a message.
import { defineCommand, UsageError } from '../command';
import { EXIT } from '../exit-codes';

const HELP = `Opens the AWS console in your browser, signed in as the profile: its temporary credentials (SSO,
assume-role, aws login; GetFederationToken for an IAM user's long-term keys) are exchanged at the
AWS sign-in federation endpoint of the profile's partition (aws, aws-us-gov, aws-cn), or at
AWS_ENDPOINT_URL_SIGNIN when it is set.

  --print            print the sign-in URL instead of opening it. Anyone with the URL can use the
                     console as the profile for 15 minutes: do not share or log it.
  --destination URL  the console page to open (default: the console home of the profile's region)`;

export const run = defineCommand({
  name: 'console',
  usage: 'cloudid console <profile> [--print] [--destination URL]',
  help: HELP,
  options: { print: { type: 'boolean' }, destination: { type: 'string' } },
  run: async ({ values, positionals }, ctx) => {
    const [profile, ...extra] = positionals;
    if (profile === undefined || profile === '') throw new UsageError('which profile?');
    if (extra.length > 0) throw new UsageError('give one profile');

    const [{ readAwsInputs }, signin, { consoleCredentials }] = await Promise.all([
      import('../../core/aws/aws-sources'),
      import('../../core/aws/console-signin'),
      import('../../core/aws/console-credentials'),
    ]);
    const inputs = await readAwsInputs(ctx.env, ctx.homeDir, Date.now());
    const found = inputs.parsed.profiles.find((p) => p.name === profile);
    if (!found) {
      ctx.stderr.write(
        `cloudid console: there is no profile named ${JSON.stringify(profile)} in ${inputs.paths.configFile} or ${inputs.paths.credentialsFile}.\n`,
      );
      return EXIT.unusable;
    }
    const region = signin.consoleRegion(found.region, found.ssoRegion, ctx.env);
    const destination = values.destination;
    if (destination !== undefined) {
      const problem = signin.destinationProblem(destination, signin.partitionOf(region));
      if (problem) throw new UsageError(problem);
    }
    const deadline = ctx.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: ctx.requestTimeoutMs };
    let url: string;
    try {
      const credentials = await consoleCredentials({ env: ctx.env, profile, region, ...deadline });
      url = await signin.consoleSigninUrl(credentials, { env: ctx.env, region, destination, ...deadline });
    } catch (error) {
      if (!(error instanceof signin.ConsoleSigninError)) throw error;
      ctx.stderr.write(`cloudid console: ${error.message}\n`);
      return EXIT.unusable;
    }
    if (values.print) {
      ctx.stdout.write(`${url}\n`);
      return EXIT.ok;
    }
    const opened = ctx.openUrl
      ? await ctx.openUrl(url).then(
          () => true,
          () => false,
        )
      : false;
    if (!opened) {
      ctx.stderr.write('cloudid console: could not open a browser; run it again with --print to get the URL.\n');
      return EXIT.unusable;
    }
    ctx.stderr.write(`Opened the AWS console as profile ${profile} in your browser.\n`);
    return EXIT.ok;
  },
});
