import { readFile } from 'node:fs/promises';
import type { Scenario } from './types.js';
import { resolveScenarioFile } from './builtInScenarios.js';
import { validateFaultRule } from './faultRule.js';
import { expectArray, expectNumber, expectObject, expectString, join, messageOf, ScenarioError } from './scenarioError.js';
import type { Json } from './scenarioError.js';

export { ScenarioError } from './scenarioError.js';

const ORG_ID = { regex: /^o-[a-z0-9]{10,32}$/, text: '"o-" followed by 10 to 32 lowercase letters or digits' };
const ROOT_ID = { regex: /^r-[0-9a-z]{4,32}$/, text: '"r-" followed by 4 to 32 lowercase letters or digits' };
const OU_ID = { regex: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, text: 'an OU id like "ou-ab12-cd34ef56"' };
const ACCOUNT_ID = { regex: /^[0-9]{12}$/, text: 'a 12-digit account id' };
const PORTFOLIO_ID = { regex: /^[a-zA-Z0-9_-]{1,100}$/, text: 'a portfolio id of 1 to 100 letters, digits, "_" or "-"' };
const ERROR_TYPE = { regex: /^[A-Za-z][A-Za-z0-9.]{0,99}$/, text: 'an error type such as "ThrottlingException"' };
const SHARE_ACTIONS = ['CREATE', 'UPDATE', 'DELETE'];
/** AWS Organizations nests OUs at most five levels below the root; deeper files are refused (and never recursed into). */
export const MAX_OU_DEPTH = 5;

/** Checks a parsed scenario document and returns a validated copy; throws ScenarioError naming the field. */
export function validateScenario(value: unknown): Scenario {
  const top = expectObject(value, '', ['description', 'organization', 'portfolios', 'shares', 'accounts', 'faults']);
  if (top.description !== undefined) expectString(top.description, 'description');
  if (top.organization === undefined) throw new ScenarioError('organization', 'an object with id, managementAccountId and root');
  const nodes = checkOrganization(top.organization);
  if (top.portfolios !== undefined) checkPortfolios(top.portfolios);
  if (top.shares !== undefined) checkShares(top.shares, nodes);
  if (top.accounts !== undefined) checkAccounts(top.accounts, nodes);
  if (top.faults !== undefined) expectArray(top.faults, 'faults').forEach((rule, i) => validateFaultRule(rule, join('faults', i)));
  return structuredClone(value) as Scenario;
}

/**
 * A scenario object (validated and copied), the name of a built-in scenario (`default`, `flaky-service`,
 * `partial-failure`: the files in the package's examples/scenarios/), or the path of a scenario JSON
 * file (read and validated).
 */
export async function loadScenario(nameOrPathOrObject: string | Scenario): Promise<Scenario> {
  if (typeof nameOrPathOrObject !== 'string') return validateScenario(nameOrPathOrObject);
  const pathOrObject = resolveScenarioFile(nameOrPathOrObject);
  let text: string;
  try {
    text = await readFile(pathOrObject, 'utf8');
  } catch (err) {
    const reason = messageOf(err);
    throw new ScenarioError('', `a readable scenario file (${reason})`, undefined, { source: pathOrObject });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const reason = messageOf(err);
    throw new ScenarioError('', `a JSON document (${reason})`, undefined, { source: pathOrObject });
  }
  try {
    return validateScenario(parsed);
  } catch (err) {
    if (err instanceof ScenarioError) throw err.withSource(pathOrObject);
    throw err;
  }
}

interface NodeIndex {
  managementAccountId: string;
  rootId: string;
  /** Every node id: the organization, the root, OUs and accounts. */
  ids: Set<string>;
  accounts: Set<string>;
}

function checkOrganization(value: unknown): NodeIndex {
  const org = expectObject(value, 'organization', ['id', 'managementAccountId', 'root']);
  const id = expectString(org.id, 'organization.id', ORG_ID);
  const managementAccountId = expectString(org.managementAccountId, 'organization.managementAccountId', ACCOUNT_ID);
  if (org.root === undefined) throw new ScenarioError('organization.root', 'the root unit: an object with id "r-..."');
  const rootId = expectString(expectObject(org.root, 'organization.root', null).id, 'organization.root.id', ROOT_ID);
  const index: NodeIndex = { managementAccountId, rootId, ids: new Set([id]), accounts: new Set() };
  checkUnit(org.root, 'organization.root', ROOT_ID, index, 0);
  return index;
}

function checkUnit(value: unknown, field: string, idPattern: typeof OU_ID, index: NodeIndex, depth: number): void {
  const unit = expectObject(value, field, ['id', 'name', 'accounts', 'organizationalUnits']);
  const id = expectString(unit.id, join(field, 'id'), idPattern);
  if (index.ids.has(id)) throw new ScenarioError(join(field, 'id'), 'an id used only once in the organization', id);
  index.ids.add(id);
  if (unit.name !== undefined) expectString(unit.name, join(field, 'name'));
  if (unit.accounts !== undefined) {
    expectArray(unit.accounts, join(field, 'accounts')).forEach((account, i) => {
      const accountField = join(join(field, 'accounts'), i);
      const accountId = expectString(account, accountField, ACCOUNT_ID);
      if (index.accounts.has(accountId)) throw new ScenarioError(accountField, 'an account listed only once in the organization', accountId);
      index.accounts.add(accountId);
      index.ids.add(accountId);
    });
  }
  if (unit.organizationalUnits !== undefined) {
    const children = expectArray(unit.organizationalUnits, join(field, 'organizationalUnits'));
    if (depth >= MAX_OU_DEPTH && children.length > 0) {
      throw new ScenarioError(join(field, 'organizationalUnits'), `no OUs here: AWS Organizations nests OUs at most ${MAX_OU_DEPTH} levels below the root`, children);
    }
    children.forEach((child, i) => checkUnit(child, join(join(field, 'organizationalUnits'), i), OU_ID, index, depth + 1));
  }
}

function checkPortfolios(value: unknown): void {
  const seen = new Set<string>();
  expectArray(value, 'portfolios').forEach((item, i) => {
    const field = join('portfolios', i);
    const p = expectObject(item, field, ['id', 'displayName', 'providerName', 'description']);
    if (p.id !== undefined) {
      const id = expectString(p.id, join(field, 'id'), PORTFOLIO_ID);
      if (seen.has(id)) throw new ScenarioError(join(field, 'id'), 'a portfolio id used only once', id);
      seen.add(id);
    }
    checkText(p, 'displayName', field, 1, 100, true);
    checkText(p, 'providerName', field, 1, 50, false);
    checkText(p, 'description', field, 0, 2000, false);
  });
}

function checkText(o: Json, key: string, field: string, min: number, max: number, required: boolean): void {
  const value = o[key];
  if (value === undefined && !required) return;
  const text = `a string of ${min} to ${max} characters`;
  if (typeof value !== 'string' || value.length < min || value.length > max) throw new ScenarioError(join(field, key), text, value);
}

function checkShares(value: unknown, nodes: NodeIndex): void {
  const s = expectObject(value, 'shares', ['defaultDurationSeconds', 'notStartedSeconds', 'durationsByNode', 'notFoundDescribes', 'accountAcceptDelaySeconds']);
  if (s.defaultDurationSeconds !== undefined) expectNumber(s.defaultDurationSeconds, 'shares.defaultDurationSeconds', { min: 0 });
  if (s.notStartedSeconds !== undefined) expectNumber(s.notStartedSeconds, 'shares.notStartedSeconds', { min: 0 });
  if (s.notFoundDescribes !== undefined) expectNumber(s.notFoundDescribes, 'shares.notFoundDescribes', { min: 0, integer: true });
  if (s.accountAcceptDelaySeconds !== undefined && s.accountAcceptDelaySeconds !== null) {
    expectNumber(s.accountAcceptDelaySeconds, 'shares.accountAcceptDelaySeconds', { min: 0 });
  }
  if (s.durationsByNode !== undefined) {
    const byNode = expectObject(s.durationsByNode, 'shares.durationsByNode', null);
    for (const [node, seconds] of Object.entries(byNode)) {
      const field = join('shares.durationsByNode', node);
      // The root and the management account are in the index but no share can reach them, so a duration for them would never apply.
      if (!nodes.ids.has(node) || node === nodes.rootId || node === nodes.managementAccountId) {
        throw new ScenarioError(field, 'a key that is the organization id, an OU id or an account id of the organization that a share can reach (not the root, not the management account)');
      }
      expectNumber(seconds, field, { min: 0 });
    }
  }
}

function checkAccounts(value: unknown, nodes: NodeIndex): void {
  const accounts = expectObject(value, 'accounts', null);
  for (const [accountId, spec] of Object.entries(accounts)) {
    const field = join('accounts', accountId);
    if (!nodes.accounts.has(accountId) || accountId === nodes.managementAccountId) {
      throw new ScenarioError(field, 'a key that is a member account of the organization (not the management account)');
    }
    const o = expectObject(spec, field, ['shareError', 'message', 'actions', 'times']);
    expectString(o.shareError, join(field, 'shareError'), ERROR_TYPE);
    if (o.message !== undefined) expectString(o.message, join(field, 'message'));
    if (o.times !== undefined) expectNumber(o.times, join(field, 'times'), { min: 1, integer: true });
    if (o.actions !== undefined) {
      const actions = expectArray(o.actions, join(field, 'actions'));
      if (actions.length === 0) throw new ScenarioError(join(field, 'actions'), `a non-empty array of ${SHARE_ACTIONS.join(', ')}`, actions);
      actions.forEach((action, i) => {
        if (typeof action !== 'string' || !SHARE_ACTIONS.includes(action)) {
          throw new ScenarioError(join(join(field, 'actions'), i), `one of ${SHARE_ACTIONS.join(', ')}`, action);
        }
      });
    }
  }
}
