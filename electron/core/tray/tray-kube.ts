// The tray's Kubernetes section, pure: the current context and those whose identity needs a
// sign-in, each as one line "context → identity → status", with the one-click fix where the app
// has one (an SSO login, gcloud's login command). The window's Clusters tab lists every context.
// Part of tray-model.ts.
import type { KubeContext, KubeState } from '../../shared/kube-model';
import { kubeIdentityText, kubeNeedsLogin, kubeStatusLabel } from '../../shared/kube-words';
import type { Snapshot } from '../../shared/model';
import { shellQuote } from '../../shared/shell-commands';
import { inSentence } from '../../shared/status-words';
import { menuLabel, whole } from './menu-label';
import type { TrayItem } from './tray-model';

/** How many contexts the menu lists before pointing to the window. */
export const MAX_MENU_CONTEXTS = 6;

export interface KubeDescription {
  items: TrayItem[];
  /** For the tooltip when the current context cannot work: `kube prod-eks: expired`; else null. */
  summary: string | null;
}

export function describeKube(kube: KubeState | null, aws: Snapshot['aws']): KubeDescription | null {
  if (kube === null || kube.contexts.length === 0) return null;
  const shown = kube.contexts
    .filter((c) => c.current || kubeNeedsLogin(c))
    .sort((a, b) => Number(b.current) - Number(a.current));
  const listed = shown.slice(0, MAX_MENU_CONTEXTS);
  const items: TrayItem[] = [
    { type: 'label', label: kube.currentContext === null ? 'Kubernetes — no current context' : 'Kubernetes' },
  ];
  for (const context of listed) {
    const mark = kubeNeedsLogin(context) ? '⚠ ' : '';
    items.push({
      type: 'action',
      label: contextLabel(context, mark),
      action: { id: 'show-clusters' },
    });
    const fix = fixItem(context, aws);
    if (fix) items.push(fix);
  }
  const hidden = kube.contexts.length - listed.length;
  if (hidden > 0)
    items.push({
      type: 'action',
      label: menuLabel`${hidden} more context${whole(hidden === 1 ? '' : 's')} in the window…`,
      action: { id: 'show-clusters' },
    });
  const current = kube.contexts.find((c) => c.current);
  return {
    items,
    summary:
      current && kubeNeedsLogin(current)
        ? `kube ${truncate(current.name, 32)}: ${inSentence(kubeStatusLabel(current))}`
        : null,
  };
}

/**
 * kubeContextLine's words (shared/kube-words.ts) with room for the names: the ⚠ and the fix on the
 * next line say "log in", so the status stands alone.
 */
function contextLabel(context: KubeContext, mark: string): string {
  const status = whole(inSentence(kubeStatusLabel(context)));
  const { identity } = context;
  if (identity?.cloud === 'aws')
    return menuLabel`${whole(mark)}${context.name} → profile ${identity.profile} → ${status}`;
  if (identity?.cloud === 'gcp')
    return menuLabel`${whole(mark)}${context.name} → gcloud ${identity.account} → ${status}`;
  return menuLabel`${whole(mark)}${context.name} → ${whole(kubeIdentityText(context))} → ${status}`;
}

/** The sign-in the context needs, when the app can start it or copy it. */
function fixItem(context: KubeContext, aws: Snapshot['aws']): TrayItem | null {
  if (!kubeNeedsLogin(context) || context.identity === null) return null;
  if (context.identity.cloud === 'gcp') {
    const account = context.identity.account;
    return {
      type: 'action',
      label: menuLabel`    Copy “gcloud auth login ${shellQuote(account)}”`,
      action: { id: 'gcp-copy-login-command', arg: account },
    };
  }
  const profileName = context.identity.profile;
  const profile = aws.profiles.find((p) => p.name === profileName);
  const session = profile?.ssoSession ? aws.ssoSessions.find((s) => s.name === profile.ssoSession) : undefined;
  if (!session || session.startUrl === null || session.region === null) return null;
  return {
    type: 'action',
    label: menuLabel`    Log in to ${session.name}…`,
    action: { id: 'sso-login', arg: session.name },
  };
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
