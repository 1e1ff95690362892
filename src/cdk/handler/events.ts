/**
 * The events the CDK Provider framework hands to the user handlers: CloudFormation's custom-resource
 * request (minus the ResponseURL the framework keeps), and for isComplete the same request merged
 * with what onEvent returned. Only the fields the handlers read are typed.
 */
export interface OnEventRequest {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResourceProperties: Record<string, unknown>;
  OldResourceProperties?: Record<string, unknown>;
  PhysicalResourceId?: string;
  RequestId?: string;
  LogicalResourceId?: string;
  StackId?: string;
}

/** What onEvent returns: the physical id, attributes so far, and fields passed on to isComplete. */
export interface OnEventResponse {
  PhysicalResourceId: string;
  Data?: Record<string, string | number>;
  /** The token of the share action started, if any: isComplete waits for it. */
  PortfolioShareToken?: string;
  /** When the action started (epoch ms): the not-found grace counts from here. */
  ShareActionStartedAt?: number;
  /** The action started, for messages. */
  ShareAction?: 'CREATE' | 'UPDATE' | 'DELETE';
}

export type IsCompleteRequest = OnEventRequest & Partial<OnEventResponse>;

/** What isComplete returns; `Data` only once complete (the framework refuses it before). */
export type IsCompleteResponse = { IsComplete: false } | { IsComplete: true; Data?: Record<string, string | number> };

/** The attribute names the construct reads with getAtt. */
export const ATTRIBUTE = {
  token: 'PortfolioShareToken',
  sharedAccountCount: 'SharedAccountCount',
} as const;
