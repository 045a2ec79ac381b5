import { describe, expect, it } from 'vitest';
import { awsCandidatePaths } from '../../../../electron/core/aws/aws-cli-candidates';
import { awsCliWarning, parseAwsVersion } from '../../../../electron/core/aws/aws-cli-detect';
import type { AwsCliInstall } from '../../../../electron/shared/model';

const v1 = (file: string): AwsCliInstall => ({ path: file, version: '1.45.11', major: 1, error: null });
const v2 = (file: string): AwsCliInstall => ({ path: file, version: '2.9.19', major: 2, error: null });
const broken = (file: string): AwsCliInstall => ({
  path: file,
  version: null,
  major: null,
  error: '`aws --version` exited with status 127',
});

describe('parseAwsVersion', () => {
  it('reads v2 and v1 banners', () => {
    expect(parseAwsVersion('aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0 source/x86_64.debian.12 prompt/off\n')).toEqual({
      version: '2.9.19',
      major: 2,
    });
    expect(parseAwsVersion('aws-cli/1.45.11 Python/3.11.7 Linux/6.1.0 botocore/1.43.11')).toEqual({
      version: '1.45.11',
      major: 1,
    });
  });

  it('finds the banner after other output (old v1 prints it on stderr, after warnings)', () => {
    expect(
      parseAwsVersion('\nDeprecationWarning: something\naws-cli/1.16.300 Python/2.7.18 Linux/5.4 botocore/1.13.36\n'),
    ).toEqual({
      version: '1.16.300',
      major: 1,
    });
  });

  it('rejects garbage and look-alikes', () => {
    expect(parseAwsVersion('')).toBeNull();
    expect(parseAwsVersion('hello world')).toBeNull();
    expect(parseAwsVersion('not-aws-cli/2.0.0')).toBeNull();
    expect(parseAwsVersion('aws-cli/2.x.1')).toBeNull();
    expect(parseAwsVersion('aws-cli/2.9')).toBeNull();
  });
});

describe('awsCandidatePaths', () => {
  it('keeps POSIX PATH order and skips empty and relative entries', () => {
    expect(awsCandidatePaths('/a/bin::relative/bin:/usr/bin:.', 'linux')).toEqual(['/a/bin/aws', '/usr/bin/aws']);
  });

  it('is empty for an unset or empty PATH', () => {
    expect(awsCandidatePaths(undefined, 'darwin')).toEqual([]);
    expect(awsCandidatePaths('', 'linux')).toEqual([]);
  });

  it('tries every PATHEXT extension in each Windows directory, in order, with quoted entries', () => {
    expect(awsCandidatePaths('C:\\Tools;"C:\\Program Files\\Amazon\\AWSCLIV2";relative', 'win32', '.EXE;.CMD')).toEqual(
      [
        'C:\\Tools\\aws.exe',
        'C:\\Tools\\aws.cmd',
        'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe',
        'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.cmd',
      ],
    );
  });

  it('uses the default PATHEXT on Windows when none is given', () => {
    expect(awsCandidatePaths('C:\\bin', 'win32')).toEqual([
      'C:\\bin\\aws.com',
      'C:\\bin\\aws.exe',
      'C:\\bin\\aws.bat',
      'C:\\bin\\aws.cmd',
    ]);
  });
});

describe('awsCliWarning', () => {
  it('is null when the first aws is v2, whatever follows', () => {
    expect(awsCliWarning([v2('/usr/local/bin/aws'), v1('/home/u/.local/bin/aws')], 'linux')).toBeNull();
    expect(awsCliWarning([{ ...v2('/x/aws'), version: '3.0.0', major: 3 }], 'linux')).toBeNull();
  });

  it('explains v1 first, names the later v2 and how to put it first (Linux)', () => {
    const warning = awsCliWarning([v1('/root/.pyenv/shims/aws'), v2('/usr/bin/aws')], 'linux');
    expect(warning).toContain('/root/.pyenv/shims/aws');
    expect(warning).toContain('AWS CLI v1');
    expect(warning).toContain('aws sso login');
    expect(warning).toContain('pip install awscli');
    expect(warning).toContain('AWS CLI v2 is installed at /usr/bin/aws');
    // Putting /usr/bin first would also shadow pyenv's python: an alias targets aws alone.
    expect(warning).toContain('alias aws=/usr/bin/aws');
    expect(warning).not.toContain('export PATH="/usr/bin:$PATH"');
    expect(warning).toContain('pip uninstall awscli');
    expect(warning).toContain('~/.bashrc');
  });

  it('suggests reordering PATH when v2 lives in a folder of its own', () => {
    const warning = awsCliWarning([v1('/home/u/.local/bin/aws'), v2('/opt/aws-cli/v2/current/bin/aws')], 'linux');
    expect(warning).toContain('export PATH="/opt/aws-cli/v2/current/bin:$PATH"');
  });

  it('names zsh on macOS when a v2 is later on PATH', () => {
    const warning = awsCliWarning([v1('/Users/u/Library/Python/3.9/bin/aws'), v2('/usr/local/bin/aws')], 'darwin');
    expect(warning).toContain('alias aws=/usr/local/bin/aws');
    expect(warning).toContain('~/.zshrc');
  });

  it('tells Windows users to reorder Path, with Windows directories', () => {
    const warning = awsCliWarning(
      [v1('C:\\Python311\\Scripts\\aws.cmd'), v2('C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe')],
      'win32',
    );
    expect(warning).toContain('move C:\\Program Files\\Amazon\\AWSCLIV2 above C:\\Python311\\Scripts');
    expect(warning).not.toContain('export PATH');
  });

  it('gives platform install guidance when no v2 is on PATH', () => {
    const mac = awsCliWarning([v1('/usr/local/bin/aws')], 'darwin');
    expect(mac).toContain('AWSCLIV2.pkg');
    expect(mac).toContain('brew install awscli');
    expect(mac).toContain('not published on PyPI');

    const linux = awsCliWarning([v1('/home/u/.local/bin/aws')], 'linux');
    expect(linux).toContain('awscli-exe-linux-x86_64.zip');
    expect(linux).toContain('sudo ./aws/install');
    expect(linux).toContain('apt install awscli');
    expect(linux).not.toContain('brew');

    const windows = awsCliWarning([v1('C:\\Python311\\Scripts\\aws.cmd')], 'win32');
    expect(windows).toContain('AWSCLIV2.msi');
    expect(windows).not.toContain('brew');

    const other = awsCliWarning([v1('/usr/local/bin/aws')], 'freebsd');
    expect(other).toContain('getting-started-install');
  });

  it('says when there is no aws at all, with install guidance', () => {
    const warning = awsCliWarning([], 'darwin');
    expect(warning).toContain('No `aws` command was found on PATH');
    expect(warning).toContain('brew install awscli');
  });

  it('explains a broken first aws and still points at a working v2 later', () => {
    const warning = awsCliWarning([broken('/opt/bin/aws'), v2('/usr/bin/aws')], 'linux');
    expect(warning).toContain('/opt/bin/aws');
    expect(warning).toContain('exited with status 127');
    expect(warning).toContain('AWS CLI v2 is installed at /usr/bin/aws');
  });

  it('treats only v2 and later as fine: v1 after a broken one still warns with install guidance', () => {
    const warning = awsCliWarning([broken('/opt/bin/aws'), v1('/usr/bin/aws')], 'linux');
    expect(warning).toContain('No AWS CLI v2 was found on PATH');
  });
});
