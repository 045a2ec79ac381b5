// The renderer's whole view of the app: `window.cloudid`, one named method per contract
// operation, typed events, and the real path of a dropped file. No generic invoke, no
// ipcRenderer, no Node: the page gets these functions and nothing else. This runs sandboxed, so
// it is bundled into one CommonJS file (electron.vite.config.ts).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, eventChannel, operationChannel, type EventName } from '../shared/channels';
import type { CloudIdApi, EventPayload, OperationName, OperationResult } from '../shared/contract';

const call = <K extends OperationName>(name: K, input?: unknown): Promise<OperationResult<K>> =>
  ipcRenderer.invoke(operationChannel(name), input) as Promise<OperationResult<K>>;

const api = {
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
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event: ${String(event)}`);
    const channel = eventChannel(event);
    // The IPC event object (which carries the sender) stays here; the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },

  getPathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
} satisfies CloudIdApi;

contextBridge.exposeInMainWorld('cloudid', api);
