// The IPC layer of the shell, with Electron's ipcMain replaced by a recorder: every operation is
// registered, a call from anything but the app's frame is refused before the core is touched, and
// an argument that does not parse never reaches a handler.
import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES, operationChannel, type OperationHandlers } from '../../../electron/shared/contract';

type Listener = (event: { senderFrame: unknown }, raw: unknown) => Promise<unknown>;
const registered = new Map<string, Listener>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpc } = await import('../../../electron/main/ipc');

const APP_FRAME = { name: 'the app' };
const OTHER_FRAME = { name: 'an embedded page' };

function setUp() {
  const calls: Array<{ name: string; input: unknown }> = [];
  const handlers = new Proxy({} as OperationHandlers, {
    // Not a thenable: the handlers arrive through a promise.
    get: (_target, name: string) =>
      name === 'then'
        ? undefined
        : async (input: unknown) => {
            calls.push({ name, input });
            return { ok: name };
          },
  });
  const unregister = registerIpc({
    handlers: Promise.resolve(handlers),
    isAppFrame: (frame: unknown) => frame === APP_FRAME,
  });
  const call = (name: string, raw: unknown, frame: unknown = APP_FRAME) => {
    const listener = registered.get(operationChannel(name));
    if (!listener) throw new Error(`${name} is not registered`);
    return listener({ senderFrame: frame }, raw);
  };
  return { calls, call, unregister };
}

describe('registerIpc', () => {
  it('registers one channel per contract operation, and removes them all again', () => {
    const { unregister } = setUp();
    expect([...registered.keys()].sort()).toEqual(OPERATION_NAMES.map(operationChannel).sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('passes a parsed argument from the app frame to the handler', async () => {
    const { calls, call, unregister } = setUp();
    await expect(call('verifyProfile', { profile: 'prod' })).resolves.toEqual({ ok: 'verifyProfile' });
    expect(calls).toEqual([{ name: 'verifyProfile', input: { profile: 'prod' } }]);
    unregister();
  });

  it('refuses a call from any other frame before a handler runs', async () => {
    const { calls, call, unregister } = setUp();
    await expect(call('getSnapshot', undefined, OTHER_FRAME)).rejects.toThrow(/did not come from the app's window/);
    await expect(call('getSnapshot', undefined, null)).rejects.toThrow();
    expect(calls).toEqual([]);
    unregister();
  });

  it('refuses arguments that do not match the schema: wrong types, extra keys, line breaks', async () => {
    const { calls, call, unregister } = setUp();
    await expect(call('verifyProfile', { profile: 42 })).rejects.toThrow();
    await expect(call('verifyProfile', { profile: 'prod', extra: true })).rejects.toThrow();
    await expect(call('verifyProfile', { profile: 'a\nb' })).rejects.toThrow();
    await expect(call('updateSettings', { leadTimeMinutes: 0 })).rejects.toThrow();
    await expect(call('copyText', { text: 'x'.repeat(5000) })).rejects.toThrow();
    expect(calls).toEqual([]);
    unregister();
  });
});
