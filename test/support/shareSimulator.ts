// A simulator with one fast and one slow organizational unit, and a helper that makes a share (each
// on a portfolio of its own: the service allows one share action per portfolio at a time).
import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator, Scenario } from '../../src/simulator/types.js';

export const FAST_OU = 'ou-ab12-fast0001';
export const SLOW_OU = 'ou-ab12-slow0001';

const scenario: Scenario = {
  organization: {
    id: 'o-awsconv0001',
    managementAccountId: '111111111111',
    root: {
      id: 'r-ab12',
      accounts: ['111111111111'],
      organizationalUnits: [
        { id: FAST_OU, accounts: ['222222222222'] },
        { id: SLOW_OU, accounts: ['333333333333'] },
      ],
    },
  },
  portfolios: Array.from({ length: 20 }, (_, i) => ({ id: `port-awsconv${String(i).padStart(5, '0')}`, displayName: `AWS conventions ${i}` })),
  shares: { defaultDurationSeconds: 0.5, notStartedSeconds: 0.1, durationsByNode: { [SLOW_OU]: 3600 } },
};

export interface ShareSimulator {
  sim: RunningSimulator;
  /** A new share to `ou`; resolves with its token. */
  share(ou: string): Promise<string>;
  close(): Promise<void>;
}

export async function startShareSimulator(): Promise<ShareSimulator> {
  const sim = await startSimulator({ scenario });
  const client = new ServiceCatalogClient({ region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  let next = 0;
  return {
    sim,
    async share(ou) {
      const PortfolioId = `port-awsconv${String(next++).padStart(5, '0')}`;
      const out = await client.send(new CreatePortfolioShareCommand({ PortfolioId, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: ou } }));
      if (out.PortfolioShareToken === undefined) throw new Error('no token');
      return out.PortfolioShareToken;
    },
    async close() {
      client.destroy();
      await sim.close();
    },
  };
}
