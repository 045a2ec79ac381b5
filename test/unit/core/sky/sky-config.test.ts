import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../../electron/core/fs/yaml-parse';
import { skyUserConfigOf, SKY_DEFAULT_WORKSPACE } from '../../../../electron/core/sky/sky-config';
import { cloudFromOwner, parseOwner, splitGcpIdentity } from '../../../../electron/core/sky/sky-owner';

/** The settings in a config's text. */
const parseSkyUserConfig = (yaml: string, file: string) => skyUserConfigOf(file, parseYaml(yaml, file));

describe("SkyPilot's config.yaml", () => {
  const file = '/home/me/.sky/config.yaml';
  const yaml = [
    'allowed_clouds:',
    '  - aws',
    'active_workspace: "research"   # team A',
    'api_server:',
    '  # the team server',
    "  endpoint: 'https://sky.example.com'",
    'workspaces:',
    '  research:',
    '    aws:',
    '      profile: research',
    '',
  ].join('\n');

  it('reads a top-level scalar and one nested under a top-level block, quotes and comments removed', () => {
    expect(parseSkyUserConfig(yaml, file)).toEqual({
      file,
      exists: true,
      apiServerEndpoint: 'https://sky.example.com',
      activeWorkspace: 'research',
      workspaces: [{ name: 'research', awsProfile: 'research', gcpProjectId: null }],
      uploadsLocalCredentials: { aws: true, gcp: true },
      problems: [],
    });
  });

  it('does not take a nested key for a top-level one, nor a key from another block', () => {
    const nested = parseSkyUserConfig(
      'workspaces:\n  research:\n    active_workspace: research\n    endpoint: https://elsewhere\n',
      file,
    );
    expect(nested).toMatchObject({ activeWorkspace: SKY_DEFAULT_WORKSPACE, apiServerEndpoint: null, problems: [] });
    expect(parseSkyUserConfig('api_server:\n  endpoint:\n', file)).toMatchObject({
      apiServerEndpoint: null,
      problems: [],
    });
  });

  // Each of these was misread by the line-by-line reader this replaced.
  it("drops the user:password of the API server's URL", () => {
    expect(
      parseSkyUserConfig('api_server:\n  endpoint: https://alice:hunter2@sky.example.com\n', file).apiServerEndpoint,
    ).toBe('https://sky.example.com');
  });

  it('reads what PyYAML reads: flow mappings, quoted keys, anchors, the last of two equal keys', () => {
    expect(parseSkyUserConfig('api_server: {endpoint: "https://sky.example.com:8443"}\n', file).apiServerEndpoint).toBe(
      'https://sky.example.com:8443',
    );
    expect(parseSkyUserConfig('"active_workspace": research\n', file).activeWorkspace).toBe('research');
    expect(parseSkyUserConfig("'active_workspace' : research\n", file).activeWorkspace).toBe('research');
    expect(parseSkyUserConfig('teams:\n  ml: &ml research\nactive_workspace: *ml\n', file).activeWorkspace).toBe(
      'research',
    );
    expect(parseSkyUserConfig('active_workspace: old\nactive_workspace: new\n', file).activeWorkspace).toBe('new');
    // A `#` inside quotes is text, not a comment.
    expect(
      parseSkyUserConfig('api_server:\n  endpoint: "https://sky.example.com/#team  # b"\n', file).apiServerEndpoint,
    ).toBe('https://sky.example.com/#team  # b');
    // A block scalar's lines are text, not keys.
    const literal = 'notes: |\n  active_workspace: nope\napi_server:\n  endpoint: >-\n    https://sky.example.com\n';
    expect(parseSkyUserConfig(literal, file)).toMatchObject({
      activeWorkspace: SKY_DEFAULT_WORKSPACE,
      apiServerEndpoint: 'https://sky.example.com',
      problems: [],
    });
  });

  it('reads no setting from text that is not a mapping, and says why', () => {
    // No space after the colon: one plain scalar, not a key and a value.
    const scalar = parseSkyUserConfig('active_workspace:research\n', file);
    expect(scalar.activeWorkspace).toBe(SKY_DEFAULT_WORKSPACE);
    expect(scalar.problems.map((p) => p.message)).toEqual([
      `${file} is not a mapping of SkyPilot settings; they are read as unset`,
    ]);
    expect(parseSkyUserConfig('', file)).toMatchObject({ activeWorkspace: SKY_DEFAULT_WORKSPACE, problems: [] });
    expect(parseSkyUserConfig('# only a comment\n', file).problems).toEqual([]);
  });

  it('turns invalid YAML, a value that is not text and an alias bomb into problems', () => {
    const broken = parseSkyUserConfig(
      'api_server:\n  endpoint: [https://sky.example.com\nactive_workspace: research\n',
      file,
    );
    expect(broken).toMatchObject({ apiServerEndpoint: null, activeWorkspace: SKY_DEFAULT_WORKSPACE });
    expect(broken.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file,
        message: expect.stringMatching(/is not valid YAML \(line \d+\).*read as unset$/),
      }),
    ]);

    // YAML 1.1, as PyYAML reads it: `no` is a boolean, not a workspace's name.
    const notText = parseSkyUserConfig('active_workspace: no\napi_server:\n  endpoint: 8443\n', file);
    expect(notText).toMatchObject({ activeWorkspace: SKY_DEFAULT_WORKSPACE, apiServerEndpoint: null });
    expect(notText.problems.map((p) => p.message)).toEqual([
      `\`api_server.endpoint\` in ${file} is not text; it is read as unset`,
      `\`active_workspace\` in ${file} is not text; it is read as unset`,
    ]);

    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      laughs.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const bomb = parseSkyUserConfig(`${laughs.join('\n')}\nactive_workspace: research\n`, file);
    expect(bomb.activeWorkspace).toBe(SKY_DEFAULT_WORKSPACE);
    expect(bomb.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/could not be read as YAML/) }),
    ]);

    expect(parseSkyUserConfig('active_workspace: a\n---\nactive_workspace: b\n', file).problems).toEqual([
      expect.objectContaining({ severity: 'warning' }),
    ]);
  });
});

describe('owner shapes', () => {
  it('tells AWS, GCP and Azure owners apart and says nothing about others', () => {
    expect(cloudFromOwner(['AROAEXAMPLEROLE00001:alice@example.com', '111122223333'])).toBe('aws');
    expect(cloudFromOwner(['111122223333', '111122223333'])).toBe('aws');
    expect(cloudFromOwner(['me@example.com [project_id=p-1]'])).toBe('gcp');
    expect(cloudFromOwner(['me@example.com [subscription_id=0000-1111]'])).toBe('azure');
    expect(cloudFromOwner(['my-kube-context'])).toBeNull();
    expect(cloudFromOwner([])).toBeNull();
    expect(cloudFromOwner(null)).toBeNull();
  });

  it('parses owner text the way _load_owner does', () => {
    expect(parseOwner('["a", "b"]').identity).toEqual(['a', 'b']);
    expect(parseOwner('AIDA-not-json').identity).toEqual(['AIDA-not-json']);
    expect(parseOwner('{"k": 1}').identity).toEqual(['{"k": 1}']);
    expect(parseOwner('null').identity).toBeNull();
    expect(parseOwner('[]').identity).toEqual([]);
  });

  it('splits a GCP identity, cleaning what gcloud left in it', () => {
    expect(splitGcpIdentity('me@example.com [project_id=p-1]\n')).toEqual({
      account: 'me@example.com',
      project: 'p-1',
    });
    expect(splitGcpIdentity('me@example.com')).toBeNull();
  });
});
