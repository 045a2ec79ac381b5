// The two settings of SkyPilot's user config (~/.sky/config.yaml, or SKYPILOT_GLOBAL_CONFIG) that
// matter here: `api_server.endpoint` (where the state lives) and `active_workspace` (newer
// SkyPilot refuses to operate a cluster of another workspace). Only plain `key: value` lines are
// understood; anything fancier reads as unset rather than guessed. A project's own .sky.yaml can
// override active_workspace for commands run in that folder: that is out of reach of a tray app.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** sky/skylet/constants.py SKYPILOT_DEFAULT_WORKSPACE. */
export const SKY_DEFAULT_WORKSPACE = 'default';

export interface SkyUserConfig {
  file: string;
  exists: boolean;
  apiServerEndpoint: string | null;
  /** `active_workspace`, else SkyPilot's default workspace. */
  activeWorkspace: string;
}

const scalar = (raw: string | undefined): string | null => {
  const value = raw?.replace(/\s+#.*$/, '').trim().replace(/^(['"])(.*)\1$/, '$2');
  return value ? value : null;
};

/** `key: value` at the top level. */
export function topLevelValue(yaml: string, key: string): string | null {
  for (const line of yaml.split(/\r?\n/)) {
    const match = new RegExp(`^${key}\\s*:\\s*(.*)$`).exec(line);
    if (match) return scalar(match[1]);
  }
  return null;
}

/** `child: value` under a top-level `parent:` block. */
export function nestedValue(yaml: string, parent: string, child: string): string | null {
  let inside = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\S/.test(line)) inside = new RegExp(`^${parent}\\s*:\\s*(#.*)?$`).test(line);
    else if (inside) {
      const match = new RegExp(`^\\s+${child}\\s*:\\s*(.*)$`).exec(line);
      if (match) return scalar(match[1]);
    }
  }
  return null;
}

export function skyConfigFile(homeDir: string, env: NodeJS.ProcessEnv): string {
  return env.SKYPILOT_GLOBAL_CONFIG || path.join(homeDir, '.sky', 'config.yaml');
}

export async function readSkyUserConfig(homeDir: string, env: NodeJS.ProcessEnv): Promise<SkyUserConfig> {
  const file = skyConfigFile(homeDir, env);
  const yaml = await readFile(file, 'utf8').catch(() => null);
  return {
    file,
    exists: yaml !== null,
    apiServerEndpoint: yaml === null ? null : nestedValue(yaml, 'api_server', 'endpoint'),
    activeWorkspace: (yaml === null ? null : topLevelValue(yaml, 'active_workspace')) ?? SKY_DEFAULT_WORKSPACE,
  };
}
