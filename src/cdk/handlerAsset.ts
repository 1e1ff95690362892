import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the bundled handlers (index.js with onEvent and isComplete), made by `npm run build`.
 * From the installed package it sits beside this module (dist/cdk/handler); from the sources (tests)
 * it is the built copy in dist/.
 */
export function handlerAssetPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'handler-bundle'), join(here, '..', '..', 'dist', 'cdk', 'handler-bundle')];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'index.js')));
  if (found === undefined) {
    throw new Error(`The OrganizationPortfolioShare handler bundle is missing (looked in ${candidates.join(' and ')}); run npm run build in portfolio-share-waiter.`);
  }
  return found;
}
