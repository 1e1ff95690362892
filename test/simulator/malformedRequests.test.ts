import { request } from 'node:http';
import { connect } from 'node:net';
import { SearchProductsCommand } from '@aws-sdk/client-service-catalog';
import { startSimulator } from '../../src/simulator/index.js';
import { rawCall, sdkError, startHarness } from './helpers.js';
import type { Harness } from './helpers.js';

type Case = {
  name: string;
  call: Parameters<typeof rawCall>[1];
  status: number;
  type: string;
  message?: string | RegExp;
};

const TARGET = 'AWS242ServiceCatalogService.';
const big = 'x'.repeat(1024 * 1024 + 10);

const cases: Case[] = [
  { name: 'GET on /', call: { method: 'GET' }, status: 405, type: 'UnknownOperationException', message: /Method GET is not allowed/ },
  { name: 'POST on another path', call: { path: '/2015-12-10/portfolios' }, status: 404, type: 'UnknownOperationException' },
  { name: 'missing X-Amz-Target', call: { target: null }, status: 400, type: 'UnknownOperationException', message: 'Missing X-Amz-Target header' },
  { name: 'X-Amz-Target of another service', call: { target: 'DynamoDB_20120810.ListTables' }, status: 400, type: 'UnknownOperationException', message: /does not name a Service Catalog operation/ },
  { name: 'X-Amz-Target with no operation', call: { target: TARGET }, status: 400, type: 'UnknownOperationException' },
  {
    name: 'an operation the simulator does not implement',
    call: { target: `${TARGET}SearchProducts` },
    status: 400,
    type: 'UnknownOperationException',
    message: 'Operation SearchProducts is not implemented by portfolio-share-simulator',
  },
  { name: 'wrong Content-Type', call: { contentType: 'text/plain' }, status: 400, type: 'SerializationException', message: /Content-Type must be application\/x-amz-json-1.1/ },
  { name: 'missing Content-Type', call: { contentType: null }, status: 400, type: 'SerializationException' },
  { name: 'body that is not JSON', call: { body: '{"PageSize": ' }, status: 400, type: 'SerializationException', message: 'The request body is not valid JSON' },
  { name: 'JSON body that is not an object', call: { body: '[1,2]' }, status: 400, type: 'SerializationException', message: 'The request body must be a JSON object' },
  { name: 'member of the wrong JSON type', call: { target: `${TARGET}DescribePortfolioShareStatus`, body: '{"PortfolioShareToken": 5}' }, status: 400, type: 'SerializationException' },
  {
    name: 'required member missing',
    call: { target: `${TARGET}DescribePortfolioShareStatus`, body: '{}' },
    status: 400,
    type: 'ValidationException',
    message: "1 validation error detected: Value null at 'portfolioShareToken' failed to satisfy constraint: Member must not be null",
  },
  {
    name: 'token breaking the pattern',
    call: { target: `${TARGET}DescribePortfolioShareStatus`, body: '{"PortfolioShareToken": "x y"}' },
    status: 400,
    type: 'ValidationException',
    message: "1 validation error detected: Value 'x y' at 'portfolioShareToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-]*",
  },
  {
    name: 'id too long',
    call: { target: `${TARGET}DescribePortfolio`, body: JSON.stringify({ Id: 'p'.repeat(101) }) },
    status: 400,
    type: 'ValidationException',
    message: /at 'id' failed to satisfy constraint: Member must have length less than or equal to 100$/,
  },
  {
    name: 'value outside an enum',
    call: { target: `${TARGET}DescribePortfolioShares`, body: '{"PortfolioId": "port-examplepf0001", "Type": "EVERYONE"}' },
    status: 400,
    type: 'ValidationException',
    message: "1 validation error detected: Value 'EVERYONE' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [ACCOUNT, ORGANIZATION, ORGANIZATIONAL_UNIT, ORGANIZATION_MEMBER_ACCOUNT]",
  },
  {
    name: 'nested member breaking its pattern, plus an account id',
    call: {
      target: `${TARGET}CreatePortfolioShare`,
      body: '{"PortfolioId": "port-examplepf0001", "AccountId": "12", "OrganizationNode": {"Type": "ORGANIZATIONAL_UNIT", "Value": "ou-x"}}',
    },
    status: 400,
    type: 'ValidationException',
    message: /^2 validation errors detected: Value '12' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \^\[0-9\]\{12\}\$; Value 'ou-x' at 'organizationNode.value' failed/,
  },
  // One row per wire type of the model: each wrong JSON type is a SerializationException naming the path.
  ...(
    [
      ['an integer that is a string', 'DescribePortfolioShares', { PortfolioId: 'port-examplepf0001', Type: 'ACCOUNT', PageSize: '5' }, "Expected an integer at 'pageSize'"],
      ['an integer with a fraction', 'DescribePortfolioShares', { PortfolioId: 'port-examplepf0001', Type: 'ACCOUNT', PageSize: 1.5 }, "Expected an integer at 'pageSize'"],
      ['a boolean that is a string', 'CreatePortfolioShare', { PortfolioId: 'port-examplepf0001', AccountId: '123456789012', ShareTagOptions: 'yes' }, "Expected a boolean at 'shareTagOptions'"],
      ['a structure that is a list', 'CreatePortfolioShare', { PortfolioId: 'port-examplepf0001', OrganizationNode: [] }, "Expected an object at 'organizationNode'"],
      ['a list that is an object', 'CreatePortfolio', { DisplayName: 'd', ProviderName: 'p', IdempotencyToken: 'i1', Tags: {} }, "Expected a list at 'tags'"],
    ] as const
  ).map(([name, operation, body, message]): Case => ({ name, call: { target: `${TARGET}${operation}`, body: JSON.stringify(body) }, status: 400, type: 'SerializationException', message })),
  {
    name: 'integer below its minimum, string shorter than its minimum, list longer than its maximum (null items skipped)',
    call: {
      target: `${TARGET}CreatePortfolio`,
      body: JSON.stringify({ DisplayName: '', ProviderName: 'p', IdempotencyToken: 'i1', Tags: [null, ...Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }))] }),
    },
    status: 400,
    type: 'ValidationException',
    message:
      "2 validation errors detected: Value '' at 'displayName' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '[22 items]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 20",
  },
  {
    name: 'page size below zero',
    call: { target: `${TARGET}DescribePortfolioShares`, body: JSON.stringify({ PortfolioId: 'port-examplepf0001', Type: 'ACCOUNT', PageSize: -1 }) },
    status: 400,
    type: 'ValidationException',
    message: "1 validation error detected: Value '-1' at 'pageSize' failed to satisfy constraint: Member must have value greater than or equal to 0",
  },
  { name: 'body over the 1 MiB cap', call: { body: big }, status: 413, type: 'RequestEntityTooLargeException', message: 'Request body is larger than 1048576 bytes' },
];

describe('malformed requests each get a proper error answer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it.each(cases)('$name → $status $type', async ({ call, status, type, message }) => {
    const response = await rawCall(h.sim.endpoint, call);
    expect(response.status).toBe(status);
    expect(response.json).toEqual({ __type: type, Message: expect.any(String) });
    if (message !== undefined) expect((response.json as { Message: string }).Message).toMatch(message instanceof RegExp ? message : new RegExp(`^${escape(message)}$`));
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
  });

  it('the SDK sees an unimplemented operation as UnknownOperationException naming it', async () => {
    expect(await sdkError(h.client.send(new SearchProductsCommand({})))).toMatchObject({
      name: 'UnknownOperationException',
      message: 'Operation SearchProducts is not implemented by portfolio-share-simulator',
      status: 400,
    });
  });

  it('a smaller maxBodyBytes is honoured', async () => {
    const small = await startHarness({ maxBodyBytes: 64 });
    try {
      const response = await rawCall(small.sim.endpoint, { body: JSON.stringify({ PageToken: 'x'.repeat(100) }) });
      expect(response).toMatchObject({ status: 413, json: { __type: 'RequestEntityTooLargeException', Message: 'Request body is larger than 64 bytes' } });
    } finally {
      await small.close();
    }
  });

  it('an empty body counts as {}', async () => {
    const response = await rawCall(h.sim.endpoint, { body: '' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ PortfolioDetails: [expect.objectContaining({ Id: 'port-examplepf0001' })] });
  });

  it('a chunked body over the cap (no Content-Length) answers 413 too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${h.sim.endpoint}/`, {
        method: 'POST',
        headers: { 'X-Amz-Target': `${TARGET}ListPortfolios`, 'Content-Type': 'application/x-amz-json-1.1', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i += 1) req.write('y'.repeat(64 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('garbage that is not HTTP gets 400 and the server stays responsive', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.sim.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect((await rawCall(h.sim.endpoint, {})).status).toBe(200);
  });

  it('a body that is not valid UTF-8 answers SerializationException; nothing is created with replacement characters', async () => {
    const body = Buffer.concat([Buffer.from('{"DisplayName":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('","ProviderName":"p","IdempotencyToken":"utf8"}')]);
    const response = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = request(`${h.sim.endpoint}/`, {
        method: 'POST',
        headers: { 'X-Amz-Target': `${TARGET}CreatePortfolio`, 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': String(body.length) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(response).toEqual({ status: 400, json: { __type: 'SerializationException', Message: 'The request body is not valid UTF-8' } });
    const listed = await rawCall(h.sim.endpoint, {});
    expect((listed.json as { PortfolioDetails: Array<{ DisplayName: string }> }).PortfolioDetails.map((p) => p.DisplayName)).toEqual(['Example portfolio']);
  });

  it('headers over the 16 KiB limit get 431 and the server stays responsive', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.sim.port, '127.0.0.1', () => socket.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect((await rawCall(h.sim.endpoint, {})).status).toBe(200);
  });

  it('every malformed call is in the request log with its outcome', () => {
    const outcomes = h.sim.requests().map((r) => r.outcome);
    for (const c of cases) expect(outcomes).toContain(c.type);
    expect(h.sim.requests().find((r) => r.operation === 'SearchProducts')).toMatchObject({ httpStatus: 400, outcome: 'UnknownOperationException' });
  });
});

describe('startSimulator options', () => {
  it.each([
    [{ port: -1 }, /port must be an integer from 0 to 65535, got -1/],
    [{ port: 70000 }, /port must be an integer/],
    [{ seed: 1.5 }, /seed must be an integer/],
    [{ maxBodyBytes: 0 }, /maxBodyBytes must be an integer from 1/],
  ])('refuses %j with a TypeError naming the option', async (options, message) => {
    await expect(startSimulator(options)).rejects.toThrow(TypeError);
    await expect(startSimulator(options)).rejects.toThrow(message);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
