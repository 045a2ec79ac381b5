// The fake's shared state: whether the app is ready, the record of calls a scenario asserts on,
// Electron's event objects, and the emitter every fake class and module builds on. One instance
// per process: the app imports it as 'electron', the scenario imports it by path.
import { EventEmitter } from 'node:events';
import { checkEvent } from './declared-check';

export interface CallRecord {
  /** `Module.method` or `Class#method`, as in Electron's docs. */
  call: string;
  /** JSON-safe arguments (functions become '[function]'). */
  args: unknown[];
  beforeReady: boolean;
  at: number;
}

interface FakeState {
  ready: boolean;
  calls: CallRecord[];
}

const KEY = Symbol.for('cloudid.electron-fake.state');
const holder = globalThis as { [KEY]?: FakeState };
export const state: FakeState = (holder[KEY] ??= { ready: false, calls: [] });

const jsonSafe = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'function') return '[function]';
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return `[${value.constructor?.name ?? 'object'}]`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v, depth + 1)]));
};

export function record(call: string, ...args: unknown[]): void {
  state.calls.push({ call, args: args.map((a) => jsonSafe(a)), beforeReady: !state.ready, at: Date.now() });
}

/** Electron throws when these run before 'ready'; so does the fake. */
export function requireReady(what: string): void {
  if (!state.ready) throw new Error(`${what} cannot be used before the app is ready (Electron refuses it too)`);
}

export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
  [param: string]: unknown;
}

/** Electron's `Event<Params>`: preventDefault plus the event's own parameters. */
export function electronEvent(params: Record<string, unknown> = {}): FakeEvent {
  let prevented = false;
  return {
    ...params,
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

type Listener = (...args: unknown[]) => void;

/**
 * An EventEmitter that accepts only the events electron.d.ts declares for `declaredType`, and
 * fires them as Electron 45 would with deprecated arguments gone: a listener parameter the d.ts
 * marks @deprecated arrives as undefined, so code still reading it fails here first.
 */
export class DeclaredEmitter extends EventEmitter {
  constructor(readonly declaredType: string) {
    super();
  }
  override on(event: string | symbol, listener: Listener): this {
    checkEvent(this.declaredType, event);
    return super.on(event, listener);
  }
  override addListener(event: string | symbol, listener: Listener): this {
    checkEvent(this.declaredType, event);
    return super.addListener(event, listener);
  }
  override once(event: string | symbol, listener: Listener): this {
    checkEvent(this.declaredType, event);
    return super.once(event, listener);
  }
  override prependListener(event: string | symbol, listener: Listener): this {
    checkEvent(this.declaredType, event);
    return super.prependListener(event, listener);
  }
  override prependOnceListener(event: string | symbol, listener: Listener): this {
    checkEvent(this.declaredType, event);
    return super.prependOnceListener(event, listener);
  }
  /** What the scenario calls to make Electron emit `event`. */
  fire(event: string, ...args: unknown[]): boolean {
    const deprecated = checkEvent(this.declaredType, event);
    return this.emit(event, ...args.map((arg, index) => (deprecated.includes(index) ? undefined : arg)));
  }
}
