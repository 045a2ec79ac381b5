// Holds the fake to Electron's declared API (electron-surface.ts): an options key, an event name
// or a member the d.ts does not declare throws. The app may catch that error (a `.catch` that
// logs), so every violation is also kept in a list the scenario runner reports: a test fails on
// it either way.
import { electronSurface, type DeclaredType } from './electron-surface';

export class UndeclaredElectronApi extends Error {
  override name = 'UndeclaredElectronApi';
}

/** Node's EventEmitter methods, which Electron's classes inherit rather than declare. */
const EMITTER_MEMBERS = [
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'emit',
  'listeners',
  'rawListeners',
  'listenerCount',
  'prependListener',
  'prependOnceListener',
  'eventNames',
  'setMaxListeners',
  'getMaxListeners',
];
const EMITTER_BASES = new Set(['NodeJS.EventEmitter', 'NodeEventEmitter', 'EventEmitter']);

const violations: string[] = [];

/** Every undeclared use so far, in order. */
export function undeclaredUses(): readonly string[] {
  return violations;
}

function fail(message: string): never {
  violations.push(message);
  throw new UndeclaredElectronApi(message);
}

function declared(typeName: string): DeclaredType {
  const type = electronSurface()[typeName];
  if (!type) throw new Error(`electron.d.ts declares no ${typeName} (a typo in the fake?)`);
  return type;
}

/** The type and everything it extends within the namespace, nearest first. */
function lineage(typeName: string): { types: DeclaredType[]; emitter: boolean } {
  const types: DeclaredType[] = [];
  let emitter = false;
  const visit = (name: string): void => {
    if (EMITTER_BASES.has(name)) {
      emitter = true;
      return;
    }
    const type = electronSurface()[name];
    if (!type) return;
    types.push(type);
    for (const base of type.extends) visit(base);
  };
  declared(typeName);
  visit(typeName);
  return { types, emitter };
}

const memberCache = new Map<string, Set<string>>();

export function declaredMembers(typeName: string): ReadonlySet<string> {
  let members = memberCache.get(typeName);
  if (!members) {
    const { types, emitter } = lineage(typeName);
    members = new Set(types.flatMap((t) => t.members));
    if (emitter) for (const m of EMITTER_MEMBERS) members.add(m);
    memberCache.set(typeName, members);
  }
  return members;
}

/** Declared events with their deprecated listener parameters; null when none are declared. */
export function declaredEvents(typeName: string): ReadonlyMap<string, readonly number[]> | null {
  const events = new Map<string, readonly number[]>();
  for (const type of lineage(typeName).types) {
    for (const [name, deprecated] of Object.entries(type.events)) if (!events.has(name)) events.set(name, deprecated);
  }
  return events.size > 0 ? events : null;
}

export function checkMember(typeName: string, member: string): void {
  if (!declaredMembers(typeName).has(member)) fail(`${typeName}.${member} is not declared in electron.d.ts`);
}

/** Returns the indices of the listener's deprecated parameters. */
export function checkEvent(typeName: string, event: string | symbol): readonly number[] {
  if (typeof event !== 'string') return [];
  const events = declaredEvents(typeName);
  const deprecated = events?.get(event);
  if (events && !deprecated) fail(`${typeName} declares no event '${event}' in electron.d.ts`);
  return deprecated ?? [];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Every key of `value` must be declared by `typeName` (or what it extends); a key whose declared
 * type is another options interface is checked the same way, through arrays.
 */
export function checkOptions(typeName: string, value: unknown, where: string = typeName): void {
  if (!isPlainObject(value)) return;
  const members = declaredMembers(typeName);
  const { types } = lineage(typeName);
  for (const [key, inner] of Object.entries(value)) {
    if (!members.has(key)) fail(`${where}.${key} is not an option electron.d.ts declares for ${typeName}`);
    const refs = types.find((t) => t.propertyTypes[key])?.propertyTypes[key] ?? [];
    const nested = refs.find((ref) => electronSurface()[ref]?.kind === 'interface');
    if (!nested) continue;
    const items = Array.isArray(inner) ? inner : [inner];
    items.forEach((item, index) =>
      checkOptions(nested, item, Array.isArray(inner) ? `${where}.${key}[${index}]` : `${where}.${key}`),
    );
  }
}

/**
 * `target` as the app sees it: reading a member the d.ts does not declare for `typeName` throws.
 * Methods run on the target itself, so the fake's own bookkeeping is not checked; a method that
 * returns the target (EventEmitter chaining) returns the checked view again.
 */
const targets = new WeakMap<object, object>();

/** The fake object behind a checked view (for the fake's own reads of what the app hands back). */
export function rawOf<T extends object>(value: T): T {
  return (targets.get(value) as T | undefined) ?? value;
}

export function asDeclared<T extends object>(typeName: string, target: T): T {
  declared(typeName);
  const view: T = new Proxy(target, {
    get(obj, key) {
      if (typeof key !== 'string' || key === 'then' || key === 'constructor' || key === 'toJSON')
        return Reflect.get(obj, key, obj);
      checkMember(typeName, key);
      const value: unknown = Reflect.get(obj, key, obj);
      if (value === undefined && !(key in obj))
        throw new Error(`the Electron fake does not implement ${typeName}.${key} yet`);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
        return result === obj ? view : result;
      };
    },
    set(obj, key, value) {
      if (typeof key === 'string') checkMember(typeName, key);
      return Reflect.set(obj, key, value, obj);
    },
  });
  targets.set(view, target);
  return view;
}
