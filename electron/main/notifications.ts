// System notifications from the pure plan (electron/core/identity/notification-plan.ts): each
// intent is shown once; the plan, not this file, decides what deserves one and remembers what
// was sent.
import { Notification } from 'electron';
import type { Snapshot } from '../shared/model';
import { planNotifications, type NotificationIntent } from '../core/identity/notification-plan';

export interface NotifierOptions {
  iconPath: string;
  /** The user's setting, read at each snapshot. */
  enabled(): boolean;
  onClick(target: NotificationIntent['target']): void;
  /** What earlier runs already showed, and where to keep what this run shows. */
  sent: Set<string>;
  onSentChanged(sent: ReadonlySet<string>): void;
  now?: () => number;
}

export interface Notifier {
  /** Feed every snapshot, in order. */
  handle(snapshot: Snapshot): void;
  dispose(): void;
}

export function createNotifier(options: NotifierOptions): Notifier {
  const now = options.now ?? Date.now;
  let previous: Snapshot | null = null;
  let sent: Set<string> = options.sent;
  // A shown notification must stay referenced, or garbage collection drops its click handler.
  const live = new Set<Notification>();

  const show = (intent: NotificationIntent): void => {
    const notification = new Notification({
      title: intent.title,
      body: intent.body,
      icon: options.iconPath,
      silent: false,
    });
    live.add(notification);
    const forget = (): void => {
      live.delete(notification);
    };
    notification.on('click', () => {
      forget();
      options.onClick(intent.target);
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    notification.show();
  };

  return {
    handle(snapshot) {
      const plan = planNotifications(previous, snapshot, now(), sent);
      previous = snapshot;
      const changed = plan.sent.size !== sent.size || [...plan.sent].some((key) => !sent.has(key));
      sent = plan.sent;
      if (changed) options.onSentChanged(sent);
      // With notifications off the plan still runs, so turning them on later does not replay
      // everything that happened meanwhile.
      if (!options.enabled() || !Notification.isSupported()) return;
      for (const intent of plan.intents) show(intent);
    },
    dispose() {
      for (const notification of live) notification.close();
      live.clear();
    },
  };
}
