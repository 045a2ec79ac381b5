// The SSO shapes the window uses, named once from the contract's types (the renderer imports
// types only through shared-types.ts).
import type { CloudIdApi, EventPayload } from '../shared-types';

type Result<K extends keyof CloudIdApi> = CloudIdApi[K] extends (...args: never[]) => Promise<infer R> ? R : never;

export type SsoLoginPrompt = EventPayload<'ssoLoginPrompt'>;
export type SsoLoginResult = Result<'ssoLogin'>;
export type SsoAccountsResult = Result<'ssoListAccounts'>;
export type SsoAccount = Extract<SsoAccountsResult, { ok: true }>['accounts'][number];
export type SsoSyncPreviewResult = Result<'ssoSyncPreview'>;
export type SsoSyncPreview = Extract<SsoSyncPreviewResult, { ok: true }>['preview'];
export type SsoListingProgress = EventPayload<'ssoSyncProgress'>;
