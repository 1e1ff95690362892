// Where the interop tests find the AWS CLI and botocore's Service Catalog model. Nothing here skips:
// a missing tool is an error that says how to provide it (npm run test:interop must fail, not pass
// vacuously, on a machine without them).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const DEBIAN_AWS = '/usr/bin/aws';

/** The botocore model locations of Debian's packages "awscli" (v2 vendors botocore) and "python3-botocore". */
export const DEBIAN_MODEL_CANDIDATES = [
  '/usr/lib/python3/dist-packages/awscli/botocore/data/servicecatalog/2015-12-10/service-2.json',
  '/usr/lib/python3/dist-packages/botocore/data/servicecatalog/2015-12-10/service-2.json',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The AWS CLI v2 to drive: $PORTFOLIO_SHARE_AWS_CLI, else Debian's /usr/bin/aws, else the first `aws`
 * on PATH. (Another `aws`, e.g. a v1 from pyenv, may come first on PATH; the env var or /usr/bin/aws win.)
 */
export function awsCli(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.PORTFOLIO_SHARE_AWS_CLI;
  if (chosen && !executable(chosen)) throw new Error(`PORTFOLIO_SHARE_AWS_CLI=${chosen} is not an executable file.`);
  const candidates = chosen ? [chosen] : [DEBIAN_AWS, ...(env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'aws'))];
  const found = candidates.find((path) => executable(path));
  if (!found) {
    throw new Error(
      'no AWS CLI found: set PORTFOLIO_SHARE_AWS_CLI to its path, or install AWS CLI v2 (Debian: apt-get install awscli; .ci/run does). ' +
        'The interop tests must not be skipped.',
    );
  }
  const version = execFileSync(found, ['--version'], { encoding: 'utf8', env: { ...env, AWS_PAGER: '' } }).trim();
  if (!version.startsWith('aws-cli/2.')) {
    throw new Error(`${found} is ${version}; the interop tests need AWS CLI v2 (set PORTFOLIO_SHARE_AWS_CLI to one).`);
  }
  return found;
}

/**
 * The text of botocore's servicecatalog service-2.json: $PORTFOLIO_SHARE_BOTOCORE_MODEL (a service-2.json
 * or service-2.json.gz, as pip's botocore ships it), else Debian's locations.
 */
export function botocoreModelText(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.PORTFOLIO_SHARE_BOTOCORE_MODEL ? [env.PORTFOLIO_SHARE_BOTOCORE_MODEL] : DEBIAN_MODEL_CANDIDATES;
  const path = candidates.find((p) => existsSync(p));
  if (!path) {
    throw new Error(
      `the Service Catalog model is missing (looked in ${candidates.join(', ')}): install AWS CLI v2 (Debian package "awscli") ` +
        'or set PORTFOLIO_SHARE_BOTOCORE_MODEL to a servicecatalog/2015-12-10/service-2.json(.gz). This test must not be skipped.',
    );
  }
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}
