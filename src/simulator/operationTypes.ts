import type { Input } from './input.js';
import type { SimulatorState } from './state.js';

/** What a handler knows about the caller, read from the request. */
export interface CallContext {
  /** Region from the SigV4 credential scope; `us-east-1` when unsigned. */
  region: string;
  /** Account the call comes from: the `x-simulator-account` header, else an access key id that is a 12-digit account id. */
  callerAccount?: string | undefined;
}

export type Handler = (state: SimulatorState, input: Input, context: CallContext) => Record<string, unknown>;
