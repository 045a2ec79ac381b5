// Notification. What the app shows is recorded as data; the notification objects themselves are
// held only weakly, as the OS holds them in Electron: one the app drops is garbage collected,
// and a scenario that clicks it after a collection finds it gone, click handler and all.
import { asDeclared, checkOptions } from './declared-check';
import { DeclaredEmitter, electronEvent, record, requireReady } from './fake-state';

export interface ShownNotification {
  title: string;
  body: string;
  actions: string[];
  /** The notification, unless it has been garbage collected. */
  ref: WeakRef<FakeNotification>;
  closed: boolean;
}

export const shownNotifications: ShownNotification[] = [];

export class FakeNotification extends DeclaredEmitter {
  static supported = true;
  readonly title: string;
  readonly body: string;
  private readonly actions: string[];
  private shown: ShownNotification | null = null;

  constructor(options: Record<string, unknown> = {}) {
    super('Notification');
    requireReady('new Notification()');
    checkOptions('NotificationConstructorOptions', options);
    this.title = typeof options.title === 'string' ? options.title : '';
    this.body = typeof options.body === 'string' ? options.body : '';
    this.actions = Array.isArray(options.actions)
      ? options.actions.map((a: { text?: string }) => String(a.text ?? ''))
      : [];
    return asDeclared('Notification', this);
  }

  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  show(): void {
    record('Notification#show', this.title);
    this.shown = { title: this.title, body: this.body, actions: this.actions, ref: new WeakRef(this), closed: false };
    shownNotifications.push(this.shown);
    this.fire('show', electronEvent());
  }
  close(): void {
    record('Notification#close', this.title);
    if (this.shown) this.shown.closed = true;
    this.fire('close', electronEvent());
  }
}

/** The scenario's side: the user clicks a shown notification (or one of its buttons). */
export function clickNotification(shown: ShownNotification, action?: number): void {
  const notification = shown.ref.deref();
  if (!notification) throw new Error(`the notification "${shown.title}" was garbage collected: its click went nowhere`);
  if (action === undefined) notification.fire('click', electronEvent());
  else notification.fire('action', electronEvent(), action);
}
