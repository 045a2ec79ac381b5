// Where SkyPilot keeps its state when ~/.sky/state.db is not there: since 0.8 the `sky` CLI talks
// to an API server, local by default (http://127.0.0.1:46580, same HOME, same state.db) or remote
// (SKYPILOT_API_SERVER_ENDPOINT, or `api_server: endpoint:` in ~/.sky/config.yaml), in which case
// the clusters live on that server. Only a loopback TCP connect is ever tried; no HTTP request.
import net from 'node:net';
import { withoutUrlCredentials } from '../security/url-credentials';
import { readSkyUserConfig, type SkyUserConfig } from './sky-config';
import type { SkyApiServerHint } from './sky-types';

export const SKY_LOCAL_API_PORT = 46580;

/** True when something accepts a TCP connection on 127.0.0.1:port within the timeout. */
export function loopbackListening(port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (listening: boolean): void => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface ApiServerProbeOptions {
  homeDir: string;
  env: NodeJS.ProcessEnv;
  /** Tests point this at a port of their own; default 46580. */
  localPort?: number;
  /** The user config, when the caller has read it already; read here otherwise. */
  config?: SkyUserConfig;
}

export async function probeSkyApiServer(options: ApiServerProbeOptions): Promise<SkyApiServerHint> {
  const fromEnv = options.env.SKYPILOT_API_SERVER_ENDPOINT;
  // The config's endpoint comes without credentials already (sky-config.ts); the variable's too.
  const endpoint = fromEnv
    ? withoutUrlCredentials(fromEnv)
    : (options.config ?? (await readSkyUserConfig(options.homeDir, options.env))).apiServerEndpoint;
  const localListening = await loopbackListening(options.localPort ?? SKY_LOCAL_API_PORT);
  return { endpoint, localListening };
}

/** Whether an endpoint is this machine's own server (which shares ~/.sky/state.db). */
export function isLocalEndpoint(endpoint: string): boolean {
  try {
    const host = new URL(endpoint).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}
