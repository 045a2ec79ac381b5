// The renderer's one door to electron/shared: types only, so nothing from zod or Node can reach
// the bundle. (The lint rule's 'electron' pattern also matches the electron/shared folder, which
// is meant to be allowed; these two lines are the only exceptions.)
// eslint-disable-next-line no-restricted-imports
export type { CloudIdApi, EventName, EventPayload } from '../../electron/shared/contract';
// eslint-disable-next-line no-restricted-imports
export type * from '../../electron/shared/model';
