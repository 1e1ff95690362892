/** Credentials shaped like real ones, for redaction tests: none of these strings may ever be printed. */
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const TEMP_ACCESS_KEY_ID = 'ASIAXQ2ZEXAMPLE7KLMN';
export const SESSION_TOKEN =
  'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexampleexampleexampleexampleexampleAiBexample+example/exampleexampleexampleKpQCCOP//////////ARAAGgw';
export const SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
export const CREDENTIAL_SCOPE = '20260101/us-east-1/servicecatalog/aws4_request';

/** Every secret above, and the parts of them long enough to identify one. */
export const ALL_SECRETS: readonly string[] = [SECRET_ACCESS_KEY, ACCESS_KEY_ID, TEMP_ACCESS_KEY_ID, SESSION_TOKEN, SIGNATURE, SESSION_TOKEN.slice(0, 24), SECRET_ACCESS_KEY.slice(0, 20)];

/** What AWS answers to a request whose signature does not match: the canonical request, session token included. */
export function signatureMismatchMessage(): string {
  return [
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    '',
    'The Canonical String for this request should have been',
    "'POST",
    '/',
    '',
    'content-type:application/x-amz-json-1.1',
    'host:servicecatalog.us-east-1.amazonaws.com',
    'x-amz-date:20260101T000000Z',
    `x-amz-security-token:${SESSION_TOKEN}`,
    'x-amz-target:AWS242ServiceCatalogService.DescribePortfolioShareStatus',
    '',
    'content-type;host;x-amz-date;x-amz-security-token;x-amz-target',
    `${SIGNATURE}'`,
    '',
    'The String-to-Sign should have been',
    "'AWS4-HMAC-SHA256",
    '20260101T000000Z',
    CREDENTIAL_SCOPE,
    `${SIGNATURE}'`,
    `Authorization: AWS4-HMAC-SHA256 Credential=${TEMP_ACCESS_KEY_ID}/${CREDENTIAL_SCOPE}, SignedHeaders=content-type;host, Signature=${SIGNATURE}`,
  ].join('\n');
}

/** The secrets found in `text` (none, for redacted text). */
export function secretsIn(text: string): string[] {
  return ALL_SECRETS.filter((secret) => text.includes(secret)).concat(text.includes('aws4_request') ? ['aws4_request'] : []);
}
