// An example CDK app: a portfolio shared with two organizational units, each share waited for.
// Synthesize with `node examples/cdk/app.mjs` (or `cdk synth --app "node app.mjs"` in your project);
// deploy from the organization's management account (or a delegated administrator) with AWS
// Organizations access enabled for Service Catalog.
import { App, CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { Portfolio } from 'aws-cdk-lib/aws-servicecatalog';
import { OrganizationPortfolioShare, PortfolioShareNode } from 'portfolio-share-waiter/cdk';

const app = new App();
const stack = new Stack(app, 'PlatformPortfolio');
const portfolio = new Portfolio(stack, 'Portfolio', { displayName: 'Platform products', providerName: 'Platform team' });

for (const [name, ou] of [
  ['Production', 'ou-ab12-prod0001'],
  ['Development', 'ou-ab12-dev00001'],
]) {
  const share = new OrganizationPortfolioShare(stack, `ShareWith${name}`, {
    portfolio,
    shareWith: PortfolioShareNode.organizationalUnit(ou),
    shareTagOptions: true,
    timeout: Duration.minutes(30),
  });
  new CfnOutput(stack, `${name}SharedAccounts`, { value: share.sharedAccountCount.toString() });
}

app.synth();
