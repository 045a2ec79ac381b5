// Activates an imported service-account key in gcloud the way the seed docs do by hand:
//   gcloud auth activate-service-account --key-file=KEY
//   gcloud config set project PROJECT
// by default in a configuration of its own named after the account, so the one every terminal
// and SkyPilot use stays as it was. In the current configuration only when asked, and then the
// account and project it had are read first, so they can be put back (gcloud-undo-activation.ts).
// `activate-service-account` fetches a token first and stores nothing when that fails.
import { CONFIG_NAME_PATTERN } from './gcloud-config-dir';
import { isGcpProjectId } from './gcp-project-id';
import { runGcloudCommand, type GcloudRun, type GcloudRunnerOptions } from './gcloud-runner';

export interface ActivationRequest extends GcloudRunnerOptions {
  keyFile: string;
  account: string;
  projectId: string | null;
  /** Put the account in its own configuration (created if needed, then made active). */
  newConfiguration?: boolean;
}

/** What the active configuration held before an activation in it, as its file says. */
export interface PreviousSettings {
  configuration: string;
  account: string | null;
  project: string | null;
}

export interface ActivationResult {
  ok: boolean;
  /** The configuration the account was activated in (null: the one that was active). */
  configuration: string | null;
  steps: GcloudRun[];
  /** For an activation in the active configuration: what it held before, to undo with. */
  previous: PreviousSettings | null;
  /** gcloud's own error text of the failed step, or its warnings on success. */
  message: string | null;
}

/** `deployer@acme-prod.iam.gserviceaccount.com` -> `deployer-acme-prod` (gcloud's name rule). */
export function configurationNameFor(account: string): string {
  const [local = '', domain = ''] = account.toLowerCase().split('@');
  const project = domain.replace(/\.(iam\.)?gserviceaccount\.com$/, '').replace(/\..*$/, '');
  let name = `${local}-${project}`
    .replace(/[^-a-z0-9]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(name)) name = `sa-${name}`;
  name = name.slice(0, 60).replace(/-+$/, '');
  return CONFIG_NAME_PATTERN.test(name) ? name : 'service-account';
}

function warnings(runs: GcloudRun[]): string | null {
  const text = runs
    .flatMap((r) => r.stderr.split(/\r?\n/))
    .filter((line) => /^WARNING:/.test(line))
    .join('\n');
  return text || null;
}

export async function activateServiceAccount(request: ActivationRequest): Promise<ActivationResult> {
  const steps: GcloudRun[] = [];
  const configuration = request.newConfiguration ? configurationNameFor(request.account) : null;
  // Checked before anything runs: a project_id such as `--impersonate-service-account=...` would
  // be an option on gcloud's command line, and a half-done activation helps nobody.
  if (request.projectId !== null && !isGcpProjectId(request.projectId)) {
    const shown = JSON.stringify(request.projectId.slice(0, 80));
    return {
      ok: false,
      configuration,
      steps,
      previous: null,
      message: `The key's project_id ${shown} is not a valid Google Cloud project id, so gcloud was not run. Check the key file.`,
    };
  }
  let previous: PreviousSettings | null = null;
  const fail = (run: GcloudRun): ActivationResult => ({
    ok: false,
    configuration,
    steps,
    previous,
    message: run.error,
  });
  if (!configuration) {
    const read = await runGcloudCommand(
      [
        'config',
        'configurations',
        'list',
        '--filter=is_active:true',
        '--format=json(name,properties.core.account,properties.core.project)',
      ],
      request,
    );
    steps.push(read);
    if (read.exitCode !== 0) return fail(read);
    previous = parsePreviousSettings(read.stdout);
    if (previous === null) return { ...fail(read), message: 'gcloud did not say which configuration is active.' };
  } else {
    const list = await runGcloudCommand(['config', 'configurations', 'list', '--format=value(name)'], request);
    steps.push(list);
    if (list.exitCode !== 0) return fail(list);
    const exists = list.stdout.split(/\r?\n/).includes(configuration);
    const select = await runGcloudCommand(
      exists
        ? ['config', 'configurations', 'activate', configuration]
        : ['config', 'configurations', 'create', configuration, '--activate'],
      request,
    );
    steps.push(select);
    if (select.exitCode !== 0) return fail(select);
  }
  const activate = await runGcloudCommand(
    ['auth', 'activate-service-account', request.account, `--key-file=${request.keyFile}`],
    request,
  );
  steps.push(activate);
  if (activate.exitCode !== 0) return fail(activate);
  if (request.projectId) {
    const project = await runGcloudCommand(['config', 'set', 'project', request.projectId], request);
    steps.push(project);
    if (project.exitCode !== 0) return fail(project);
  }
  return { ok: true, configuration, steps, previous, message: warnings(steps) };
}

/**
 * What to put back after an activation in the current configuration: its previous settings once
 * any step after reading them went through (a failed `config set project` still changed the
 * account), else null.
 */
export function settingsToRestore(result: ActivationResult): PreviousSettings | null {
  if (result.previous === null) return null;
  return result.steps.slice(1).some((step) => step.exitCode === 0) ? result.previous : null;
}

/** The one entry of `gcloud config configurations list --filter=is_active:true --format=json(...)`. */
export function parsePreviousSettings(stdout: string): PreviousSettings | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 1) return null;
  const entry = parsed[0] as { name?: unknown; properties?: { core?: { account?: unknown; project?: unknown } } };
  const core = entry.properties?.core ?? {};
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const name = text(entry.name);
  return name === null ? null : { configuration: name, account: text(core.account), project: text(core.project) };
}
