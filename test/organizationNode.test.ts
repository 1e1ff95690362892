import { parseOrganizationNode } from '../src/organizationNode.js';

describe('parseOrganizationNode', () => {
  it.each([
    ['o-exampleorg01', 'ORGANIZATION'],
    ['ou-ab12-prod0001', 'ORGANIZATIONAL_UNIT'],
    ['123456789012', 'ACCOUNT'],
  ])('infers the type of %s', (value, type) => {
    expect(parseOrganizationNode(value)).toEqual({ ok: true, node: { Type: type, Value: value } });
  });

  it('refuses a root with a hint to share with the organization', () => {
    const parsed = parseOrganizationNode('r-ab12');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/is a root.*share with the organization/);
  });

  it.each([['o-short'], ['ou-ab12'], ['12345678901'], ['1234567890123'], ['OU-AB12-PROD0001'], [''], ['o-exampleorg01\n']])(
    'refuses %j',
    (value) => {
      const parsed = parseOrganizationNode(value);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.reason).toMatch(/is not an organization/);
    },
  );

  it('refuses a non-string and shortens a long value', () => {
    expect(parseOrganizationNode(42)).toEqual({ ok: false, reason: 'an organization node must be a string' });
    const parsed = parseOrganizationNode('x'.repeat(500));
    expect(!parsed.ok && parsed.reason.length).toBeLessThan(250);
  });
});
