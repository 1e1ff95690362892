import { existsSync, readFileSync } from 'node:fs';
import { OPERATION_NAMES } from '../../src/simulator/index.js';
import { inputShapes } from '../../src/simulator/shapes.js';
import type { Member, Shape } from '../../src/simulator/shapes.js';

// The service model as the AWS CLI v2 ships it (Debian package "awscli", which .ci/run installs).
const CANDIDATES = [
  '/usr/lib/python3/dist-packages/awscli/botocore/data/servicecatalog/2015-12-10/service-2.json',
  '/usr/lib/python3/dist-packages/botocore/data/servicecatalog/2015-12-10/service-2.json',
];

interface ModelShape {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
}
interface Model {
  operations: Record<string, { input: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

function loadModel(): Model {
  const path = CANDIDATES.find((p) => existsSync(p));
  if (!path) throw new Error(`the Service Catalog model is missing (looked in ${CANDIDATES.join(', ')}): install the AWS CLI v2 (Debian package "awscli"). This test must not be skipped.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Model;
}

/** A model shape in the simulator's Shape form (constraints only, as the protocol layer checks them). */
function toShape(model: Model, name: string): Shape {
  const s = model.shapes[name];
  if (!s) throw new Error(`no shape ${name} in the model`);
  const pick = <K extends 'min' | 'max' | 'pattern' | 'enum'>(keys: K[]): Partial<Pick<ModelShape, K>> =>
    Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]])) as Partial<Pick<ModelShape, K>>;
  switch (s.type) {
    case 'string':
      return { type: 'string', ...pick(['min', 'max', 'pattern', 'enum']) };
    case 'integer':
      return { type: 'integer', ...pick(['min', 'max']) };
    case 'boolean':
      return { type: 'boolean' };
    case 'list':
      return { type: 'list', member: toShape(model, s.member?.shape ?? ''), ...pick(['max']) };
    case 'structure':
      return { type: 'structure', members: toMembers(model, name) };
    default:
      throw new Error(`shape ${name} has type ${s.type}, which the simulator does not model`);
  }
}

function toMembers(model: Model, name: string): Record<string, Member> {
  const s = model.shapes[name];
  const required = s?.required ?? [];
  return Object.fromEntries(
    Object.entries(s?.members ?? {}).map(([member, ref]) => [member, { shape: toShape(model, ref.shape), ...(required.includes(member) ? { required: true } : {}) }]),
  );
}

describe('input constraints follow the service model', () => {
  const model = loadModel();

  it.each(OPERATION_NAMES.map((name) => [name]))('%s: members, required, lengths, patterns (as the service prints them), enums, ranges', (operation) => {
    const input = model.operations[operation]?.input.shape ?? '';
    // JSON round trip: drop undefined keys and the readonly-ness of the simulator's tables.
    expect(JSON.parse(JSON.stringify(inputShapes[operation]))).toEqual(toMembers(model, input));
  });
});
