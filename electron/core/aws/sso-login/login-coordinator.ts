// One login at a time per session. A second request while a login runs joins it (same outcome,
// same prompt to show) instead of opening another browser tab; cancel aborts it.
import type { LoginOutcome, LoginPrompt } from './login-outcome';

export interface LoginRun {
  signal: AbortSignal;
  /** The flow reports its prompt here; the coordinator keeps it for late joiners. */
  onPrompt: (prompt: LoginPrompt) => void;
}

export interface LoginHandle {
  sessionKey: string;
  /** False when this request joined a login already in progress. */
  started: boolean;
  outcome: Promise<LoginOutcome>;
  /** The prompt shown for this login, once the flow has one. */
  prompt(): LoginPrompt | null;
  /** Calls `listener` with the prompt now if there is one, and when it arrives. */
  onPrompt(listener: (prompt: LoginPrompt) => void): () => void;
  cancel(): void;
}

interface Running {
  handle: Omit<LoginHandle, 'started'>;
  controller: AbortController;
}

export class SsoLoginCoordinator {
  private readonly running = new Map<string, Running>();

  /**
   * Starts `run` for the session unless a login for it is in progress, in which case the
   * in-progress login is returned (started = false) and `run` is not called.
   */
  login(sessionKey: string, run: (context: LoginRun) => Promise<LoginOutcome>): LoginHandle {
    const existing = this.running.get(sessionKey);
    if (existing) return { ...existing.handle, started: false };

    const controller = new AbortController();
    let current: LoginPrompt | null = null;
    const listeners = new Set<(prompt: LoginPrompt) => void>();
    const report = (prompt: LoginPrompt): void => {
      current = prompt;
      for (const listener of listeners) listener(prompt);
    };
    // Called synchronously, so a cancel right after login() reaches a flow already listening.
    const outcome = (async () => run({ signal: controller.signal, onPrompt: report }))().finally(() => {
      if (this.running.get(sessionKey)?.controller === controller) this.running.delete(sessionKey);
      listeners.clear();
    });
    const handle: Omit<LoginHandle, 'started'> = {
      sessionKey,
      outcome,
      prompt: () => current,
      onPrompt: (listener) => {
        listeners.add(listener);
        if (current) listener(current);
        return () => listeners.delete(listener);
      },
      cancel: () => controller.abort(),
    };
    this.running.set(sessionKey, { handle, controller });
    return { ...handle, started: true };
  }

  inProgress(sessionKey: string): LoginHandle | null {
    const existing = this.running.get(sessionKey);
    return existing ? { ...existing.handle, started: false } : null;
  }

  /** Returns whether a login was running for the session. */
  cancel(sessionKey: string): boolean {
    const existing = this.running.get(sessionKey);
    existing?.controller.abort();
    return existing !== undefined;
  }

  cancelAll(): void {
    for (const { controller } of this.running.values()) controller.abort();
  }
}
