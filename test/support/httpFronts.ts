// Small HTTP servers on 127.0.0.1 that stand between a client and the simulator: a forward proxy
// that counts what it relays, a plain or TLS front that records who called. Written with node:http
// only, so the tests show exactly what reached the network.
import { createServer as createHttpServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** A forward proxy: relays absolute-URI requests (HTTP_PROXY) and CONNECT tunnels (HTTPS_PROXY). */
export interface CountingProxy extends RunningServer {
  /** Requests relayed with absolute URIs. */
  forwarded: number;
  /** CONNECT tunnels opened. */
  tunnels: number;
}

/** A front of the simulator that records each request's SigV4 credential scope. */
export interface RecordingFront extends RunningServer {
  /** `accessKeyId/date/region/service` of each request (never the signature). */
  scopes: string[];
}

function relay(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

async function listen(server: Server, scheme: 'http' | 'https', sockets: Set<Socket>): Promise<RunningServer> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startCountingProxy(): Promise<CountingProxy> {
  const sockets = new Set<Socket>();
  const counts = { forwarded: 0, tunnels: 0 };
  const server = createHttpServer((req, res) => {
    counts.forwarded += 1;
    relay(req, res, new URL(req.url ?? '/'));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    counts.tunnels += 1;
    sockets.add(client);
    const target = new URL(`tcp://${req.url ?? ''}`);
    const upstream = connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const running = await listen(server, 'http', sockets);
  return {
    ...running,
    get forwarded() {
      return counts.forwarded;
    },
    get tunnels() {
      return counts.tunnels;
    },
  };
}

function recorder(target: string, scopes: string[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const authorization = req.headers.authorization ?? '';
    const scope = /Credential=([^,]+)\/aws4_request/.exec(authorization)?.[1];
    scopes.push(scope ?? '');
    relay(req, res, new URL(req.url ?? '/', target));
  };
}

/** A plain HTTP front of `target` (the simulator's endpoint). */
export async function startRecordingFront(target: string): Promise<RecordingFront> {
  const scopes: string[] = [];
  const running = await listen(createHttpServer(recorder(target, scopes)), 'http', new Set());
  return Object.assign(running, { scopes });
}

/** An HTTPS front of `target` with the given certificate (`https://127.0.0.1:PORT`). */
export async function startHttpsFront(target: string, tls: { cert: string; key: string }): Promise<RecordingFront> {
  const scopes: string[] = [];
  const running = await listen(createHttpsServer(tls, recorder(target, scopes)), 'https', new Set());
  return Object.assign(running, { scopes });
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
