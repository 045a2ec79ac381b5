// One ipcMain.handle per contract operation. Each call is checked before anything runs: it must
// come from our window's main frame showing our page (VS Code's validated IPC does the same),
// and its argument must parse with the operation's zod schema. Only then is the core called.
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import {
  OPERATION_NAMES,
  operationChannel,
  parseInput,
  type OperationHandlers,
  type OperationName,
  type OperationResult,
} from '../shared/contract';

export interface IpcOptions {
  /**
   * The handlers, once the core has started. The channels exist before (a window opened during
   * start-up must not find them missing); a call made earlier waits for this.
   */
  handlers: Promise<OperationHandlers>;
  /** True only for our window's main frame showing our page. */
  isAppFrame(frame: WebFrameMain | null): boolean;
}

/** Registers every operation; returns a function that removes them again. */
export function registerIpc(options: IpcOptions): () => void {
  // Refusals are answered at once; only an accepted call waits, so an early rejection of the
  // promise must not count as unhandled until someone asks.
  options.handlers.catch(() => undefined);
  const register = <K extends OperationName>(name: K): void => {
    ipcMain.handle(
      operationChannel(name),
      async (event: IpcMainInvokeEvent, raw: unknown): Promise<OperationResult<K>> => {
        if (!options.isAppFrame(event.senderFrame)) {
          throw new Error(`${name} refused: the call did not come from the app's window`);
        }
        const input = parseInput(name, raw);
        const handler: OperationHandlers[K] = (await options.handlers)[name];
        return handler(input);
      },
    );
  };
  for (const name of OPERATION_NAMES) register(name);
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(operationChannel(name));
  };
}
