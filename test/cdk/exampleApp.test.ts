import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** examples/cdk/app.mjs synthesizes as written (App.synth(); no AWS account, no CDK CLI), importing the package by name. */
it('the example CDK app synthesizes a stack with both shares, chained', async () => {
  const outdir = await mkdtemp(join(tmpdir(), 'cdk-example-'));
  try {
    await promisify(execFile)(process.execPath, [join('examples', 'cdk', 'app.mjs')], { env: { ...process.env, CDK_OUTDIR: outdir } });
    const template = JSON.parse(await readFile(join(outdir, 'PlatformPortfolio.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;
    };
    const shares = Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'Custom::OrganizationPortfolioShare');
    expect(shares.map(([, resource]) => resource.Properties.OrganizationNode)).toEqual([
      { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' },
      { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-dev00001' },
    ]);
    expect(shares[1]?.[1].DependsOn).toEqual([shares[0]?.[0]]);
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}, 60_000);
