// The renderer's one door to electron/shared: types only, so nothing from zod or Node can reach
// the bundle.
export type { CloudIdApi, EventPayload } from '../../electron/shared/contract';
export type * from '../../electron/shared/model';
