import type { Member, Shape } from './shapes.js';
import { serializationError, ServiceError } from './serviceError.js';

export type Input = Record<string, unknown>;

const compiled = new Map<string, RegExp>();
function regexFor(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    compiled.set(pattern, regex);
  }
  return regex;
}

/**
 * Checks an input against its shape the way the service's protocol layer does: wrong JSON types are
 * a SerializationException; broken constraints are one ValidationException listing every violation
 * ("2 validation errors detected: Value 'x' at 'portfolioId' failed to satisfy constraint: …; …").
 */
export function validateInput(input: Input, members: Record<string, Member>): void {
  const violations: string[] = [];
  checkStructure(input, members, '', violations);
  if (violations.length > 0) {
    const count = violations.length;
    throw new ServiceError('ValidationException', `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`);
  }
}

function checkStructure(value: Input, members: Record<string, Member>, path: string, out: string[]): void {
  for (const [name, member] of Object.entries(members)) {
    const memberPath = path === '' ? lowerFirst(name) : `${path}.${lowerFirst(name)}`;
    const memberValue = value[name];
    if (memberValue === undefined || memberValue === null) {
      if (member.required) out.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    checkValue(memberValue, member.shape, memberPath, out);
  }
}

function checkValue(value: unknown, shape: Shape, path: string, out: string[]): void {
  const fail = (shown: string, constraint: string): void => {
    out.push(`Value ${shown} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  };
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') throw serializationError(`Expected a string at '${path}'`);
      const shown = `'${value}'`;
      if (shape.min !== undefined && value.length < shape.min) fail(shown, `have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) fail(shown, `have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !regexFor(shape.pattern).test(value)) fail(shown, `satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(value)) fail(shown, `satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw serializationError(`Expected an integer at '${path}'`);
      if (shape.min !== undefined && value < shape.min) fail(`'${value}'`, `have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) fail(`'${value}'`, `have value less than or equal to ${shape.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(`Expected a boolean at '${path}'`);
      return;
    case 'structure':
      if (!isObject(value)) throw serializationError(`Expected an object at '${path}'`);
      checkStructure(value, shape.members, path, out);
      return;
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(`Expected a list at '${path}'`);
      if (shape.max !== undefined && value.length > shape.max) fail(`'[${value.length} items]'`, `have length less than or equal to ${shape.max}`);
      value.forEach((item, i) => {
        if (item === null || item === undefined) return;
        checkValue(item, shape.member, `${path}.${i + 1}.member`, out);
      });
      return;
    }
  }
}

export function isObject(value: unknown): value is Input {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
