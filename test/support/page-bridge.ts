// TEST ONLY. The in-page half of the test bridge: installed by Playwright's `page.addInitScript`
// as `window.cloudid`, it implements the same `CloudIdApi` as the preload over fetch (operations)
// and EventSource (events) to the bridge server that served the page. The function's source is
// sent into the page, so it must not use anything from its module scope.
import type {
  CloudIdApi,
  EventName,
  EventPayload,
  OperationInput,
  OperationName,
  OperationResult,
} from '../../electron/shared/contract';

export interface PageBridgeConfig {
  token: string;
  /** `getPathForFile` answers `<testDir>/<file.name>`, standing in for Electron's real path. */
  testDir: string;
}

export function installPageBridge(config: PageBridgeConfig): void {
  // addInitScript also runs in about:blank and in frames the app never makes.
  if (location.protocol !== 'http:' || window !== window.top) return;

  async function call<K extends OperationName>(name: K, input?: OperationInput<K>): Promise<OperationResult<K>> {
    const response = await fetch(`/op/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cloudid-token': config.token },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    let reply: { ok: true; result: OperationResult<K> } | { ok: false; error: string };
    try {
      reply = (await response.json()) as typeof reply;
    } catch {
      throw new Error(`${name}: HTTP ${response.status} without a JSON answer`);
    }
    // Rejected with the handler's message, as Electron's ipcRenderer.invoke rejects.
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  }

  let source: EventSource | null = null;
  const stream = (): EventSource => {
    source ??= new EventSource(`/events?token=${encodeURIComponent(config.token)}`);
    return source;
  };

  const api: CloudIdApi = {
    getSnapshot: () => call('getSnapshot'),
    verifyProfile: (input) => call('verifyProfile', input),
    verifyAll: () => call('verifyAll'),
    getSettings: () => call('getSettings'),
    updateSettings: (input) => call('updateSettings', input),
    copyText: (input) => call('copyText', input),
    awsLoginProfile: (input) => call('awsLoginProfile', input),
    openConsole: (input) => call('openConsole', input),
    ssoLogin: (input) => call('ssoLogin', input),
    ssoLoginsInProgress: () => call('ssoLoginsInProgress'),
    ssoOpenLoginPage: (input) => call('ssoOpenLoginPage', input),
    ssoCancelLogin: (input) => call('ssoCancelLogin', input),
    ssoLogout: (input) => call('ssoLogout', input),
    ssoRefresh: (input) => call('ssoRefresh', input),
    ssoCreateSession: (input) => call('ssoCreateSession', input),
    ssoListAccounts: (input) => call('ssoListAccounts', input),
    ssoCreateProfile: (input) => call('ssoCreateProfile', input),
    ssoSyncPreview: (input) => call('ssoSyncPreview', input),
    ssoSyncApply: (input) => call('ssoSyncApply', input),
    gcpImportKey: (input) => call('gcpImportKey', input),
    gcpPickKeyFile: () => call('gcpPickKeyFile'),
    gcpDeleteDownload: (input) => call('gcpDeleteDownload', input),
    gcpRemoveKey: (input) => call('gcpRemoveKey', input),
    gcpVerifyKey: (input) => call('gcpVerifyKey', input),
    gcpActivateKey: (input) => call('gcpActivateKey', input),
    gcpUndoActivation: (input) => call('gcpUndoActivation', input),
    gcpRemoveKeyPreview: (input) => call('gcpRemoveKeyPreview', input),
    gcpShellProfilesPreview: (input) => call('gcpShellProfilesPreview', input),
    gcpShellProfilesApply: (input) => call('gcpShellProfilesApply', input),
    gcpSwitchConfiguration: (input) => call('gcpSwitchConfiguration', input),
    gcpProbeReauth: () => call('gcpProbeReauth'),
    getStartAtLogin: () => call('getStartAtLogin'),
    setStartAtLogin: (input) => call('setStartAtLogin', input),
    getCliCommand: () => call('getCliCommand'),
    installCliCommand: () => call('installCliCommand'),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const onMessage = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as EventPayload<E>);
      const events = stream();
      events.addEventListener(event, onMessage);
      return () => events.removeEventListener(event, onMessage);
    },
    getPathForFile: (file) => `${config.testDir.replace(/\/+$/, '')}/${file.name}`,
  };
  // The event stream opens with the app's first subscription, not before: once the server sees
  // it, the app's listeners are in place, so an event a test sends then is not lost.
  Object.defineProperty(window, 'cloudid', { value: Object.freeze(api), enumerable: true });
}

/**
 * The init script for `page.addInitScript({ content })`. Transpilers that keep function names
 * (esbuild's keepNames, used by tsx) wrap inner functions in a `__name` helper that exists only
 * in the module, so the page gets a do-nothing one alongside the function's source.
 */
export function pageBridgeScript(config: PageBridgeConfig): { content: string } {
  return {
    content: `(() => { const __name = (fn) => fn; (${installPageBridge.toString()})(${JSON.stringify(config)}); })();`,
  };
}
