/** An AbortController that follows the caller's signal and is aborted when the operation ends. */
export interface AbortLink {
  signal: AbortSignal;
  /** Stop following the caller's signal and abort whatever is still in flight. */
  dispose(): void;
}

/**
 * The links following each caller signal. However many waits share one signal (the CLI shares one
 * across its tokens), the signal gets a single listener of ours: eleven listeners would make Node
 * print a MaxListenersExceededWarning on stderr, and the library never writes there.
 */
const followers = new WeakMap<AbortSignal, Set<() => void>>();

function follow(outer: AbortSignal, onAbort: () => void): () => void {
  let set = followers.get(outer);
  if (set === undefined) {
    const created = new Set<() => void>();
    set = created;
    const dispatch = (): void => {
      followers.delete(outer);
      for (const callback of [...created]) callback();
    };
    followers.set(outer, created);
    outer.addEventListener('abort', dispatch, { once: true });
    // Kept so the last follower can remove the listener again.
    listeners.set(outer, dispatch);
  }
  set.add(onAbort);
  return () => {
    const current = followers.get(outer);
    if (current === undefined || !current.delete(onAbort) || current.size > 0) return;
    followers.delete(outer);
    const dispatch = listeners.get(outer);
    listeners.delete(outer);
    if (dispatch !== undefined) outer.removeEventListener('abort', dispatch);
  };
}
const listeners = new WeakMap<AbortSignal, () => void>();

/**
 * Link a controller of our own to the caller's (optional) signal. Sleeps and calls listen to ours,
 * so ending the wait for any reason (not only the caller's abort) cancels anything left running, and
 * no listener stays on a long-lived caller signal.
 */
export function linkAbort(outer?: AbortSignal): AbortLink {
  const controller = new AbortController();
  const abort = (): void => controller.abort(outer?.reason);
  let unfollow = (): void => {};
  if (outer?.aborted) abort();
  else if (outer !== undefined) unfollow = follow(outer, abort);
  return {
    signal: controller.signal,
    dispose: () => {
      unfollow();
      if (!controller.signal.aborted) controller.abort(new Error('The wait has ended.'));
    },
  };
}
