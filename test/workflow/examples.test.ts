import { readdirSync, readFileSync } from 'node:fs';
import type { StateMachineDefinition } from '../../src/workflow/asl.js';
import { stepFunctionsExampleFiles } from '../../src/workflow/examples.js';
import type { iamPolicy } from '../../src/workflow/iamPolicy.js';
import { allStates } from '../../src/workflow/states.js';
import { aslErrors } from './aslValidator.js';

const DIR = new URL('../../examples/step-functions/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, DIR), 'utf8');
const shipped = readdirSync(DIR).filter((name) => name !== 'README.md');
const definitions = shipped.filter((name) => name.endsWith('.asl.json'));

test('examples/step-functions is what the generators write (run npm run generate:step-functions after a change)', () => {
  const expected = stepFunctionsExampleFiles();
  expect(shipped.sort()).toEqual(Object.keys(expected).sort());
  for (const [name, text] of Object.entries(expected)) expect({ name, text: read(name) }).toEqual({ name, text });
});

test.each(definitions)('%s validates with asl-validator', (name) => {
  expect(aslErrors(JSON.parse(read(name)))).toBe('');
});

test.each(definitions)('%s ships with a policy of exactly the actions its Tasks call', (name) => {
  const definition = JSON.parse(read(name)) as StateMachineDefinition;
  const policy = JSON.parse(read(name.replace('.asl.json', '.iam-policy.json'))) as ReturnType<typeof iamPolicy>;
  const resources = allStates(definition.States).flatMap(([, s]) => (s.Type === 'Task' ? [s.Resource] : []));
  const expected = [
    ...new Set(
      resources.map((r) => {
        if (r === 'arn:aws:states:::lambda:invoke') return 'lambda:InvokeFunction';
        const action = /^arn:aws:states:::aws-sdk:servicecatalog:(\w+)$/.exec(r)?.[1] ?? `unknown ${r}`;
        return `servicecatalog:${action[0]?.toUpperCase()}${action.slice(1)}`;
      }),
    ),
  ].sort();
  expect(policy.Statement.flatMap((s) => s.Action).sort()).toEqual(expected);
  expect(policy.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
});

test('the wait-only machine may only describe; the create machine also creates, nothing more', () => {
  const actions = (name: string): string[] => (JSON.parse(read(name)) as ReturnType<typeof iamPolicy>).Statement.flatMap((s) => s.Action);
  expect(actions('wait-for-share.jsonpath.iam-policy.json')).toEqual(['servicecatalog:DescribePortfolioShareStatus']);
  expect(actions('create-share.jsonata.iam-policy.json')).toEqual(['servicecatalog:CreatePortfolioShare', 'servicecatalog:DescribePortfolioShareStatus']);
});

describe('the CloudFormation template', () => {
  const template = JSON.parse(read('template.json')) as {
    AWSTemplateFormatVersion: string;
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    Outputs: Record<string, { Value: unknown }>;
  };
  // Properties each resource type accepts (CloudFormation resource reference), so a misspelt one fails here.
  const ALLOWED: Record<string, string[]> = {
    'AWS::IAM::Role': ['AssumeRolePolicyDocument', 'Description', 'ManagedPolicyArns', 'MaxSessionDuration', 'Path', 'PermissionsBoundary', 'Policies', 'RoleName', 'Tags'],
    'AWS::StepFunctions::StateMachine': ['Definition', 'DefinitionS3Location', 'DefinitionString', 'DefinitionSubstitutions', 'EncryptionConfiguration', 'LoggingConfiguration', 'RoleArn', 'StateMachineName', 'StateMachineType', 'Tags', 'TracingConfiguration'],
  };

  test('deploys the plan machine, as shipped, under a role with exactly its policy', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    const machine = template.Resources.ApplyPlanStateMachine;
    const role = template.Resources.ApplyPlanRole;
    expect(machine?.Type).toBe('AWS::StepFunctions::StateMachine');
    expect(role?.Type).toBe('AWS::IAM::Role');
    expect(machine?.Properties.Definition).toEqual(JSON.parse(read('apply-plan.jsonpath.asl.json')));
    expect(machine?.Properties.StateMachineType).toBe('STANDARD');
    expect(machine?.Properties.RoleArn).toEqual({ 'Fn::GetAtt': ['ApplyPlanRole', 'Arn'] });
    expect(role?.Properties.AssumeRolePolicyDocument).toMatchObject({ Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(role?.Properties.Policies).toEqual([{ PolicyName: 'portfolio-shares', PolicyDocument: JSON.parse(read('apply-plan.jsonpath.iam-policy.json')) }]);
  });

  test('uses only properties its resource types have, and refers only to its own resources', () => {
    for (const resource of Object.values(template.Resources)) {
      const allowed = ALLOWED[resource.Type];
      expect(allowed).toBeDefined();
      for (const property of Object.keys(resource.Properties)) expect({ type: resource.Type, property, ok: allowed?.includes(property) }).toEqual({ type: resource.Type, property, ok: true });
    }
    const text = JSON.stringify(template);
    for (const m of text.matchAll(/"(?:Ref|Fn::GetAtt)":\s*(?:"(\w+)"|\["(\w+)")/g)) expect(Object.keys(template.Resources)).toContain(m[1] ?? m[2]);
    // With no DefinitionSubstitutions, nothing in the definition may look like a ${substitution}.
    expect(JSON.stringify(template.Resources.ApplyPlanStateMachine?.Properties.Definition)).not.toContain('${');
  });
});
