// What to tell the user about the `aws` commands found on PATH. Pure: the detector gathers the
// facts, this decides the words. The first `aws` on PATH is the one the user's terminal runs.
import path from 'node:path';
import type { AwsCliInstall } from '../../shared/model';

const INSTALL_GUIDE = 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';
const NOT_ON_PIP =
  'AWS CLI v2 cannot be installed with pip: it is not published on PyPI, and `pip install awscli` gives v1.';

/** How to install AWS CLI v2 on this platform, in one or two sentences. */
export function awsCliV2InstallGuidance(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Install AWS CLI v2 with the official installer (https://awscli.amazonaws.com/AWSCLIV2.pkg) or with Homebrew: `brew install awscli`.';
    case 'linux':
      return (
        'Install AWS CLI v2 with the official installer: ' +
        '`curl -o awscliv2.zip https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip && unzip awscliv2.zip && sudo ./aws/install` ' +
        "(awscli-exe-linux-aarch64.zip on ARM), or with your distribution's package where it is v2 " +
        '(Debian 12 and later: `sudo apt install awscli`; Ubuntu: `sudo snap install aws-cli --classic`).'
      );
    case 'win32':
      return 'Install AWS CLI v2 with the official MSI installer: https://awscli.amazonaws.com/AWSCLIV2.msi.';
    default:
      return `Install AWS CLI v2 as described in ${INSTALL_GUIDE}.`;
  }
}

/** System folders hold much more than `aws`: putting one first on PATH would shadow other tools. */
const SYSTEM_DIRS = new Set(['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin']);

/** How to make the v2 at `v2Path` win over the v1 in `shadowingDir`. */
function putFirstGuidance(v2Path: string, shadowingDir: string, platform: NodeJS.Platform): string {
  const dir = dirOf(v2Path, platform);
  if (platform === 'win32') {
    return (
      `To use it, move ${dir} above ${shadowingDir} in your Path environment variable ` +
      '(Settings > System > About > Advanced system settings > Environment Variables), then open a new terminal.'
    );
  }
  const profile = platform === 'darwin' ? '~/.zshrc' : '~/.bashrc (or ~/.zshrc)';
  const remove = 'either remove v1 (`pip uninstall awscli` in the Python that installed it) or ';
  if (SYSTEM_DIRS.has(dir)) {
    // Moving /usr/bin ahead of a pyenv or virtualenv folder would also shadow their python.
    return `To use it, ${remove}add \`alias aws=${v2Path}\` at the end of ${profile} and open a new terminal.`;
  }
  return `To use it, ${remove}put ${dir} first: add \`export PATH="${dir}:$PATH"\` at the end of ${profile} and open a new terminal.`;
}

function dirOf(file: string, platform: NodeJS.Platform): string {
  return (platform === 'win32' ? path.win32 : path.posix).dirname(file);
}

function describe(install: AwsCliInstall): string {
  if (install.version) return `${install.path} (AWS CLI ${install.version})`;
  return `${install.path} (${install.error ?? 'version unknown'})`;
}

const isV2OrLater = (install: AwsCliInstall): boolean => install.major !== null && install.major >= 2;

/**
 * Null when the first `aws` on PATH is v2 or later. Otherwise a warning that says what is wrong
 * with the first one, names a v2 found later on PATH and how to put it first, or how to install
 * v2 on this platform.
 */
export function awsCliWarning(found: readonly AwsCliInstall[], platform: NodeJS.Platform): string | null {
  const first = found[0];
  if (!first) {
    return `No \`aws\` command was found on PATH. AWS SSO needs AWS CLI v2. ${awsCliV2InstallGuidance(platform)} ${NOT_ON_PIP}`;
  }
  if (isV2OrLater(first)) return null;

  const problem =
    first.major === 1
      ? `The first \`aws\` on PATH is AWS CLI v1: ${describe(first)}. AWS SSO needs AWS CLI v2: v1 has no ` +
        '`aws sso login` (v1 is what `pip install awscli` installs).'
      : `The first \`aws\` on PATH does not work as AWS CLI v2: ${describe(first)}. AWS SSO needs AWS CLI v2.`;

  const laterV2 = found.slice(1).find(isV2OrLater);
  if (laterV2) {
    const fix = putFirstGuidance(laterV2.path, dirOf(first.path, platform), platform);
    return `${problem} AWS CLI v2 is installed at ${laterV2.path} (${laterV2.version ?? 'v2'}), later on PATH. ${fix}`;
  }
  return `${problem} No AWS CLI v2 was found on PATH. ${awsCliV2InstallGuidance(platform)} ${NOT_ON_PIP}`;
}
