import type { ServiceCatalogLikeClient } from '../../src/types.js';

/** One scripted answer: an output, an error to throw, or a function deciding at call time. */
export type Answer = { output: Record<string, unknown> } | { error: unknown } | ((signal?: AbortSignal) => Promise<unknown>);

export interface FakeClient extends ServiceCatalogLikeClient {
  /** Inputs of every command sent, in order. */
  readonly calls: { input: unknown; signal?: AbortSignal | undefined }[];
}

/**
 * A client for unit tests of the adapter's logic (integration tests use the real SDK over HTTP).
 * Answers follow the script; the last answer repeats.
 */
export function createFakeClient(script: Answer[]): FakeClient {
  const calls: FakeClient['calls'] = [];
  return {
    calls,
    send: async (command, options) => {
      const input = typeof command === 'object' && command !== null && 'input' in command ? command.input : undefined;
      calls.push({ input, signal: options?.abortSignal });
      const answer = script[Math.min(calls.length - 1, script.length - 1)];
      if (answer === undefined) throw new Error('empty script');
      if (typeof answer === 'function') return answer(options?.abortSignal);
      if ('error' in answer) throw answer.error;
      return { $metadata: { httpStatusCode: 200, requestId: `req-${calls.length}` }, ...answer.output };
    },
  };
}

/** A service exception shaped like the SDK's. */
export function serviceError(name: string, message: string, httpStatusCode = 400, extra: Record<string, unknown> = {}): Error {
  const error = new Error(message);
  error.name = name;
  Object.assign(error, { $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode, requestId: `req-${name}` }, ...extra });
  return error;
}

export function status(Status: string, ShareDetails: Record<string, unknown> = {}): { output: Record<string, unknown> } {
  return { output: { Status, PortfolioId: 'port-abc123', OrganizationNodeValue: 'ou-ab12-abcdefgh', PortfolioShareToken: 'share-test1', ShareDetails } };
}
