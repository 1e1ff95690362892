import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceError } from './serviceError.js';

/** The `X-Amz-Target` prefix of Service Catalog (awsJson1_1). */
export const TARGET_PREFIX = 'AWS242ServiceCatalogService.';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
const ACCEPTED_CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

export function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(text)),
    'x-amzn-RequestId': requestId,
    ...headers,
  });
  res.end(text);
}

/** An error as the service shapes it: `{"__type","Message"}`, plus the `x-amzn-ErrorType` header SDKs read first. */
export function sendError(res: ServerResponse, error: ServiceError, requestId: string): void {
  sendJson(res, error.httpStatus, { __type: error.type, Message: error.message }, requestId, { 'x-amzn-ErrorType': error.type });
}

export function sendRaw(res: ServerResponse, status: number, text: string, requestId: string): void {
  res.writeHead(status, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': String(Buffer.byteLength(text)), 'x-amzn-RequestId': requestId });
  res.end(text);
}

/** Reads the body, or reports that it is over `maxBytes` (the rest is then drained and dropped). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<{ body: Buffer } | { tooLarge: true }> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve({ tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve({ body: Buffer.concat(chunks) });
    });
    req.on('error', reject);
  });
}

/** The operation named by `X-Amz-Target`, or why there is none. */
export function parseTarget(header: string | string[] | undefined): { operation: string } | { problem: string } {
  if (header === undefined) return { problem: 'Missing X-Amz-Target header' };
  const value = Array.isArray(header) ? header[0] ?? '' : header;
  if (!value.startsWith(TARGET_PREFIX) || value.length === TARGET_PREFIX.length) {
    return { problem: `X-Amz-Target ${JSON.stringify(value)} does not name a Service Catalog operation (expected ${TARGET_PREFIX}<Operation>)` };
  }
  return { operation: value.slice(TARGET_PREFIX.length) };
}

export function isAcceptedContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return ACCEPTED_CONTENT_TYPES.includes(mediaType);
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\//;

/** Region and access key id from a SigV4 `Authorization` header (the signature itself is not checked). */
export function readCredentialScope(authorization: string | undefined): { accessKeyId?: string; region?: string } {
  const match = authorization === undefined ? null : CREDENTIAL.exec(authorization);
  if (!match) return {};
  return { accessKeyId: match[1], region: match[2] };
}
