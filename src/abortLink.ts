/** An AbortController that follows the caller's signal and is aborted when the operation ends. */
export interface AbortLink {
  signal: AbortSignal;
  /** Stop following the caller's signal and abort whatever is still in flight. */
  dispose(): void;
}

/**
 * Link a controller of our own to the caller's (optional) signal. Sleeps and calls listen to ours,
 * so ending the wait for any reason (not only the caller's abort) cancels anything left running, and
 * no listener stays on a long-lived caller signal.
 */
export function linkAbort(outer?: AbortSignal): AbortLink {
  const controller = new AbortController();
  const follow = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      outer?.removeEventListener('abort', follow);
      if (!controller.signal.aborted) controller.abort(new Error('The wait has ended.'));
    },
  };
}
