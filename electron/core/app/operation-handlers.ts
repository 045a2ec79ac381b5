// The contract's operations implemented over the core. The Electron IPC layer and the e2e test
// bridge both serve exactly these handlers, after parsing each argument with the contract's zod
// schema.
import type { OperationHandlers } from '../../shared/contract';
import type { Core } from './core';

export interface ShellServices {
  /** Plain text to the clipboard (Electron's clipboard in the app, a recorder in tests). */
  copyText(text: string): void;
}

export function createOperationHandlers(core: Core, shell: ShellServices): OperationHandlers {
  return {
    getSnapshot: async () => core.snapshot(),
    verifyProfile: async ({ profile }) => core.verifyProfile(profile),
    verifyAll: async () => core.verifyAll(),
    getSettings: async () => core.settings(),
    updateSettings: async (patch) => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return core.updateSettings(clean);
    },
    copyText: async ({ text }) => {
      shell.copyText(text);
      return { copied: true };
    },
  };
}
