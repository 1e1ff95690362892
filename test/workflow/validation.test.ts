import { jsonataWaitMachine } from '../../src/workflow/jsonataMachine.js';
import { jsonPathWaitMachine } from '../../src/workflow/jsonPathMachine.js';
import { jsonataMapMachine, jsonPathMapMachine } from '../../src/workflow/mapMachine.js';
import { aslErrors } from './aslValidator.js';

const variants = [
  ['JSONPath wait', jsonPathWaitMachine('none')],
  ['JSONPath create', jsonPathWaitMachine('create')],
  ['JSONPath update', jsonPathWaitMachine('update', { acceptPartialSuccess: true })],
  ['JSONPath delete', jsonPathWaitMachine('delete', { tolerateDuplicates: false })],
  ['JSONPath map', jsonPathMapMachine()],
  ['JSONata wait', jsonataWaitMachine('none')],
  ['JSONata create', jsonataWaitMachine('create')],
  ['JSONata update', jsonataWaitMachine('update', { acceptPartialSuccess: true })],
  ['JSONata delete', jsonataWaitMachine('delete', { tolerateDuplicates: false })],
  ['JSONata map', jsonataMapMachine()],
] as const;

test.each(variants)('%s validates with asl-validator', (_name, definition) => {
  expect(aslErrors(definition)).toBe('');
});

test('the validator does refuse a broken definition', () => {
  const broken = jsonPathWaitMachine('none');
  broken.StartAt = 'Nowhere';
  expect(aslErrors(broken)).not.toBe('');
});
