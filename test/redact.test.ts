import { redact, redactValue, REDACTED } from '../src/redact.js';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, SIGNATURE, TEMP_ACCESS_KEY_ID, secretsIn, signatureMismatchMessage } from './support/secrets.js';

describe('redact', () => {
  it('removes the session token, signature, credential scope and Authorization from a signature-mismatch message', () => {
    const text = redact(signatureMismatchMessage());
    expect(secretsIn(text)).toEqual([]);
    expect(text).toContain('The request signature we calculated does not match');
    expect(text).toContain(`x-amz-security-token:${REDACTED}`);
    expect(text).toContain(`Authorization: ${REDACTED}`);
  });

  it.each([
    ['access key id', `key ${ACCESS_KEY_ID} used`],
    ['temporary access key id', `key ${TEMP_ACCESS_KEY_ID}.`],
    ['secret key on its own', `secret ${SECRET_ACCESS_KEY} here`],
    ['secret key as env', `AWS_SECRET_ACCESS_KEY=${SECRET_ACCESS_KEY}`],
    ['secret key in JSON', JSON.stringify({ secretAccessKey: 'short-but-named' })],
    ['session token in JSON', JSON.stringify({ sessionToken: SESSION_TOKEN })],
    ['session token in a query string', `?X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}&X-Amz-Signature=${SIGNATURE}`],
    ['signature in a header', `Signature=${SIGNATURE}`],
    ['escaped in a JSON log line', JSON.stringify({ msg: signatureMismatchMessage() })],
  ])('removes a %s', (_what, text) => {
    const out = redact(text);
    expect(secretsIn(out)).toEqual([]);
    expect(out).not.toContain('short-but-named');
    expect(out).toContain(REDACTED);
  });

  it('keeps what is not secret: tokens, account ids, portfolio ids, request ids, ordinary messages', () => {
    const text = 'Share share-6v24abcdefghi of port-abcd1234efgh5 to ou-ab12-prod0001 failed for 222222222222 (request id 9f3a7e1c-0b6d-4e55-9d0e-1f2a3b4c5d6e): Rate exceeded';
    expect(redact(text)).toBe(text);
  });

  it('leaves valid JSON valid', () => {
    const json = JSON.stringify({ message: signatureMismatchMessage(), list: [SECRET_ACCESS_KEY] }, null, 2);
    expect(() => JSON.parse(redact(json)) as unknown).not.toThrow();
  });
});

describe('redactValue', () => {
  it('copies secret-named keys as [REDACTED], bigints as text and cycles as [Circular]', () => {
    const circular: Record<string, unknown> = { region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, wait: 10n };
    circular.self = circular;
    const copy = redactValue(circular);
    expect(copy).toEqual({ region: 'us-east-1', credentials: REDACTED, wait: '10n', self: '[Circular]' });
    expect(() => JSON.stringify(copy)).not.toThrow();
  });
});
