import type { PortfolioShareStatus, ShareDetails, ShareError } from './types.js';

/** One DescribePortfolioShareStatus answer, parsed. */
export interface ShareObservation {
  status: PortfolioShareStatus;
  portfolioId?: string | undefined;
  organizationNodeValue?: string | undefined;
  shareDetails: ShareDetails;
  requestId?: string | undefined;
}

/** Every status DescribePortfolioShareStatus answers, in the order a share goes through them. */
export const SHARE_STATUSES: readonly PortfolioShareStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'ERROR'];
const STATUSES: ReadonlySet<string> = new Set(SHARE_STATUSES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function parseShareDetails(value: unknown): ShareDetails {
  if (!isRecord(value)) return {};
  const details: ShareDetails = {};
  const successful = stringList(value.SuccessfulShares);
  if (successful !== undefined) details.SuccessfulShares = successful;
  if (Array.isArray(value.ShareErrors)) {
    details.ShareErrors = value.ShareErrors.filter(isRecord).map((entry): ShareError => {
      const shareError: ShareError = {};
      const accounts = stringList(entry.Accounts);
      if (accounts !== undefined) shareError.Accounts = accounts;
      if (typeof entry.Message === 'string') shareError.Message = entry.Message;
      if (typeof entry.Error === 'string') shareError.Error = entry.Error;
      return shareError;
    });
  }
  return details;
}

/** Parse a DescribePortfolioShareStatus output; undefined when it carries no known `Status`. */
export function parseDescribeOutput(output: unknown): ShareObservation | undefined {
  if (!isRecord(output)) return undefined;
  const status = output.Status;
  if (typeof status !== 'string' || !STATUSES.has(status)) return undefined;
  const metadata = isRecord(output.$metadata) ? output.$metadata : {};
  return {
    status: status as PortfolioShareStatus,
    portfolioId: optionalString(output.PortfolioId),
    organizationNodeValue: optionalString(output.OrganizationNodeValue),
    shareDetails: parseShareDetails(output.ShareDetails),
    requestId: optionalString(metadata.requestId),
  };
}
