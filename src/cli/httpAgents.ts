import * as http from 'node:http';
import * as https from 'node:https';
import { Agent, type AgentConnectOpts } from 'agent-base';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { DEFAULT_REQUEST_HANDLER_OPTIONS } from '../client.js';

/**
 * An agent that sends each request the way the AWS CLI would: through `$HTTPS_PROXY` for https://
 * endpoints (a CONNECT tunnel), through `$HTTP_PROXY` for http:// ones (absolute-URI forwarding),
 * directly when `$NO_PROXY` names the host or no proxy is set. Lower-case names win over upper-case
 * ones, as in curl and the AWS CLI; the variables are read from the process environment (like the
 * SDK's credential chain) at each new connection. `ca` (the CA bundle) verifies the endpoint's
 * certificate, directly or through the tunnel; an https:// proxy's own certificate is checked
 * against Node's CAs (add a corporate one with NODE_EXTRA_CA_CERTS).
 *
 * The agents belong to the whole CLI run, shared by every wait's client: a client's `destroy()` (a
 * wait that ended) must not close sockets another wait still uses, so `destroy()` does nothing and
 * `close()` ends them when the run is over.
 */
export class EnvProxyAgent extends Agent {
  private readonly direct: http.Agent;
  private readonly viaProxy = new Map<string, http.Agent>();

  constructor(secure: boolean, ca: string | undefined) {
    const tlsOptions = ca === undefined ? {} : { ca };
    // On this agent too: its options travel with each request to the agent it picks, and the tunnel's
    // TLS to the endpoint is made from them (HttpsProxyAgent keeps its own options for the proxy).
    super({ keepAlive: true, ...tlsOptions });
    this.direct = secure ? new https.Agent({ keepAlive: true, ...tlsOptions }) : new http.Agent({ keepAlive: true });
  }

  override connect(req: http.ClientRequest, options: AgentConnectOpts): http.Agent {
    const secure = options.secureEndpoint;
    const host = req.getHeader('host');
    const url = new URL(req.path, `${secure ? 'https' : 'http'}://${typeof host === 'string' ? host : req.host}`);
    const proxy = getProxyForUrl(url);
    if (proxy === '') return this.direct;
    let agent = this.viaProxy.get(proxy);
    if (agent === undefined) {
      agent = secure ? new HttpsProxyAgent(proxy, { keepAlive: true }) : new HttpProxyAgent(proxy, { keepAlive: true });
      this.viaProxy.set(proxy, agent);
    }
    return agent;
  }

  /** Kept open for the other waits of the run: see `close()`. */
  override destroy(): void {}

  /** Close every socket (direct and through proxies): the run is over. */
  close(): void {
    for (const agent of this.viaProxy.values()) agent.destroy();
    this.viaProxy.clear();
    this.direct.destroy();
    super.destroy();
  }
}

/** The two agents of a CLI run, for the SDK's `NodeHttpHandler` (`httpAgent` / `httpsAgent`). */
export interface CliAgents {
  httpAgent: EnvProxyAgent;
  httpsAgent: EnvProxyAgent;
  close(): void;
}

export function createCliAgents(ca: string | undefined): CliAgents {
  const httpAgent = new EnvProxyAgent(false, undefined);
  const httpsAgent = new EnvProxyAgent(true, ca);
  return {
    httpAgent,
    httpsAgent,
    close: () => {
      httpAgent.close();
      httpsAgent.close();
    },
  };
}

/**
 * The `requestHandler` options of every client of a CLI run: the library's timeouts, and agents that
 * honour the proxy variables and the CA bundle (the SDK for JavaScript honours neither by itself).
 */
export function cliRequestHandler(agents: CliAgents): typeof DEFAULT_REQUEST_HANDLER_OPTIONS & Pick<CliAgents, 'httpAgent' | 'httpsAgent'> {
  return { ...DEFAULT_REQUEST_HANDLER_OPTIONS, httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent };
}
