// Handlers of the AWS IAM Identity Center operations (electron/shared/contract-sso.ts), over the
// core's sso-login and sso-sync modules. One login service and one sync service per handler set,
// that is per app: logins join, listings are shared, previews are applied by id.
// Every operation that writes a file asks the core to re-read at once, so the snapshot (and the
// window) changes without waiting for the watcher's debounce.
import { deleteSsoToken } from '../aws/sso-login/token-cache-writer';
import { refreshSsoSession } from '../aws/sso-login/refresh';
import { ssoCacheDir } from '../aws/sso-login/sso-session-ref';
import { resolveAwsPaths } from '../aws/aws-environment';
import { createSsoProfile, createSsoSession } from '../aws/sso-sync/configure-sso';
import { listAccountsAndRoles, type SsoListingProgress } from '../aws/sso-sync/list-accounts-and-roles';
import { loadSyncSession } from '../aws/sso-sync/sync-session';
import { SsoSyncService } from '../aws/sso-sync/sync-service';
import type { HandlersFor } from '../../shared/contract-kit';
import type { SsoAccountsResult, SsoListingProgressEvent } from '../../shared/contract-sso';
import { ssoOperations } from '../../shared/contract-sso';
import type { HandlerContext } from './operation-handlers';
import { createSsoLoginService, findSessionRef } from './sso-login-service';

export function createSsoHandlers(context: HandlerContext): HandlersFor<typeof ssoOperations> {
  const { core, shell, emit } = context;
  const logins = createSsoLoginService({
    core,
    ...(shell.openExternal ? { openExternal: async (url: string) => (await shell.openExternal?.(url)) ?? false } : {}),
    onPrompt: (prompt) => emit('ssoLoginPrompt', prompt),
    onEnded: (answer) => emit('ssoLoginEnded', answer),
  });
  let sync: SsoSyncService | null = null;
  const syncService = (): SsoSyncService =>
    (sync ??= new SsoSyncService({ env: core.context.env, homeDir: core.context.homeDir }));
  const configFile = (): string => resolveAwsPaths(core.context.env, core.context.homeDir).configFile;
  const reload = (): Promise<void> => core.reload().catch(() => undefined);
  const progressOf =
    (session: string) =>
    (progress: SsoListingProgress): void =>
      emit('ssoSyncProgress', { session, ...progress } satisfies SsoListingProgressEvent);

  return {
    ssoLogin: ({ session, flow }) => logins.login(session, flow),
    ssoLoginsInProgress: async () => logins.inProgress(),
    ssoOpenLoginPage: async ({ session }) => ({ opened: await logins.openPage(session) }),
    ssoCancelLogin: async ({ session }) => ({ cancelled: logins.cancel(session) }),

    ssoLogout: async ({ session }) => {
      const found = findSessionRef(core, session);
      if ('error' in found) throw new Error(found.error);
      const deleted = await deleteSsoToken(ssoCacheDir(core.context.homeDir), found.ref);
      await reload();
      return { deleted };
    },

    ssoRefresh: async ({ session }) => {
      const found = findSessionRef(core, session);
      if ('error' in found)
        return { status: 'cannot-refresh', session, reason: 'unknown-session', message: found.error };
      const outcome = await refreshSsoSession({
        session: found.ref,
        cacheDir: ssoCacheDir(core.context.homeDir),
        env: core.context.env,
      });
      if (outcome.status === 'refreshed') await reload();
      return outcome;
    },

    ssoCreateSession: async ({ name, startUrl, region, scopes }) => {
      const outcome = await createSsoSession(configFile(), {
        name,
        startUrl,
        region,
        ...(scopes && scopes.length > 0 ? { scopes } : {}),
      });
      if (outcome.ok) await reload();
      return outcome;
    },

    ssoListAccounts: async ({ session }): Promise<SsoAccountsResult> => {
      const lookup = await loadSyncSession(core.context.env, core.context.homeDir, session);
      if (!lookup.ok) return lookup;
      const listing = await listAccountsAndRoles({
        accessToken: lookup.inputs.accessToken,
        region: lookup.inputs.session.region,
        env: core.context.env,
        onProgress: progressOf(session),
      });
      if (listing.tokenRefused)
        return {
          ok: false,
          reason: 'token-refused',
          message: listing.problems[0]?.message ?? 'The portal refused the token: log in again.',
        };
      if (listing.unreachable)
        return {
          ok: false,
          reason: 'unreachable',
          message: listing.problems[0]?.message ?? 'The SSO portal did not answer.',
        };
      return { ok: true, session, accounts: listing.accounts, complete: listing.complete, problems: listing.problems };
    },

    ssoCreateProfile: async ({ session, accountId, roleName, profileName, region }) => {
      const outcome = await createSsoProfile(configFile(), {
        profileName,
        session,
        accountId,
        roleName,
        ...(region ? { region } : {}),
      });
      if (outcome.ok) await reload();
      return outcome;
    },

    ssoSyncPreview: async ({ session, template, region, relist, includeDuplicates }) =>
      syncService().preview(
        {
          session,
          ...(includeDuplicates === undefined ? {} : { includeDuplicates }),
          ...(template === undefined ? {} : { template }),
          ...(region === undefined ? {} : { region }),
          ...(relist === undefined ? {} : { relist }),
        },
        progressOf(session),
      ),

    ssoSyncApply: async ({ previewId }) => {
      const outcome = await syncService().apply(previewId);
      if (outcome.ok) await reload();
      return outcome;
    },
  };
}
