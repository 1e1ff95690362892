import { onEvent } from '../../../src/cdk/handler/onEvent.js';
import type { ShareActions } from '../../../src/cdk/handler/shareActions.js';
import type { ShareProperties } from '../../../src/cdk/handler/properties.js';

/** Unit tests: the share actions are stubbed and recorded; the real ones run in the lifecycle tests. */
function recording(answers: Partial<Record<keyof ShareActions, () => Promise<string | undefined>>> = {}): { actions: ShareActions; calls: string[] } {
  const calls: string[] = [];
  const make = (name: keyof ShareActions) => async (p: ShareProperties) => {
    calls.push(`${name} ${p.portfolioId} ${p.node.Value} tags=${p.shareTagOptions}`);
    return (answers[name] ?? (async () => `share-${name}`))();
  };
  return { actions: { create: make('create'), update: make('update'), delete: make('delete') }, calls };
}

const props = (value: string, more: Record<string, unknown> = {}) => ({ PortfolioId: 'port-1', OrganizationNode: { Type: value.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT', Value: value }, ...more });
const now = () => 1_000;

describe('onEvent', () => {
  it('Create starts a share and hands its token and start time to isComplete', async () => {
    const { actions, calls } = recording();
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: props('ou-ab12-prod0001') }, { actions, now })).resolves.toEqual({
      PhysicalResourceId: 'port-1|ORGANIZATIONAL_UNIT|ou-ab12-prod0001',
      PortfolioShareToken: 'share-create',
      ShareActionStartedAt: 1_000,
      ShareAction: 'CREATE',
    });
    expect(calls).toEqual(['create port-1 ou-ab12-prod0001 tags=false']);
  });

  it('Update of options updates in place; Update of the node creates the replacement', async () => {
    const { actions, calls } = recording();
    const physical = 'port-1|ORGANIZATIONAL_UNIT|ou-ab12-prod0001';
    await expect(
      onEvent({ RequestType: 'Update', PhysicalResourceId: physical, ResourceProperties: props('ou-ab12-prod0001', { ShareTagOptions: 'true' }), OldResourceProperties: props('ou-ab12-prod0001') }, { actions, now }),
    ).resolves.toMatchObject({ PhysicalResourceId: physical, ShareAction: 'UPDATE', PortfolioShareToken: 'share-update' });
    await expect(
      onEvent({ RequestType: 'Update', PhysicalResourceId: physical, ResourceProperties: props('123456789012'), OldResourceProperties: props('ou-ab12-prod0001') }, { actions, now }),
    ).resolves.toMatchObject({ PhysicalResourceId: 'port-1|ACCOUNT|123456789012', ShareAction: 'CREATE' });
    expect(calls).toEqual(['update port-1 ou-ab12-prod0001 tags=true', 'create port-1 123456789012 tags=false']);
  });

  it('Delete keeps the physical id; a share already gone is deleted; other errors fail', async () => {
    const physical = 'port-1|ORGANIZATIONAL_UNIT|ou-ab12-prod0001';
    const event = { RequestType: 'Delete' as const, PhysicalResourceId: physical, ResourceProperties: props('ou-ab12-prod0001') };
    await expect(onEvent(event, { actions: recording().actions, now })).resolves.toMatchObject({ PhysicalResourceId: physical, ShareAction: 'DELETE' });
    const gone = Object.assign(new Error('Portfolio port-1 is not shared with ou-ab12-prod0001.'), { name: 'ResourceNotFoundException' });
    await expect(onEvent(event, { actions: recording({ delete: () => Promise.reject(gone) }).actions, now })).resolves.toEqual({ PhysicalResourceId: physical });
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    await expect(onEvent(event, { actions: recording({ delete: () => Promise.reject(denied) }).actions, now })).rejects.toBe(denied);
  });

  it('an action that answers no token hands nothing to wait for', async () => {
    const { actions } = recording({ create: async () => undefined });
    await expect(onEvent({ RequestType: 'Create', ResourceProperties: props('123456789012') }, { actions, now })).resolves.toEqual({ PhysicalResourceId: 'port-1|ACCOUNT|123456789012' });
  });
});
