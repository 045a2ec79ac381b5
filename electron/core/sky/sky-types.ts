// The SkyPilot types are shared with the renderer: they live in electron/shared/sky-model.ts.
export type * from '../../shared/sky-model';
