import { expectString, messageOf, ScenarioError } from '../../src/simulator/scenarioError.js';

describe('ScenarioError', () => {
  test.each([
    ['null', null, ', got null'],
    ['an array', [1], ', got an array'],
    ['an object', { a: 1 }, ', got an object'],
    ['a long string, cut', 'x'.repeat(61), `, got "${'x'.repeat(57)}..."`],
    ['a short string', 'abc', ', got "abc"'],
    ['a number', 7, ', got 7'],
    ['nothing', undefined, ''],
  ])('shows %s received', (_name, received, shown) => {
    expect(new ScenarioError('shares.x', 'a number', received).message).toBe(`invalid scenario: shares.x: expected a number${shown}`);
  });

  test('the document as a whole, and the file it came from', () => {
    expect(new ScenarioError('', 'an object', 1).withSource('s.json').message).toBe('s.json: invalid scenario: scenario: expected an object, got 1');
  });

  test('a non-string where a pattern is expected names the pattern', () => {
    expect(() => expectString(5, 'id', { regex: /^p-/, text: 'an id like p-1' })).toThrow('invalid scenario: id: expected an id like p-1, got 5');
    expect(() => expectString(5, 'id')).toThrow('invalid scenario: id: expected a string, got 5');
  });
});

test('messageOf reads a message from anything thrown', () => {
  expect(messageOf(new Error('e'))).toBe('e');
  expect(messageOf({ message: 'from another realm' })).toBe('from another realm');
  expect(messageOf({ message: 5 })).toBe('[object Object]');
  expect(messageOf(null)).toBe('null');
  expect(messageOf('text')).toBe('text');
});
