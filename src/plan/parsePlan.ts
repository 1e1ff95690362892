import { InvalidPlanError, validatePlan } from './validatePlan.js';
import type { Plan } from './planTypes.js';

/**
 * Parse a plan file's text — YAML when the name ends in .yaml or .yml, JSON otherwise — and validate
 * it. Syntax errors become an InvalidPlanError with the parser's line and column. The YAML parser is
 * loaded only for YAML files.
 */
export async function parsePlan(text: string, fileName: string): Promise<Plan> {
  let document: unknown;
  if (/\.ya?ml$/i.test(fileName)) {
    const yaml = await import('yaml');
    // Bundled (dist/cli/bin.js), a CommonJS module may come as its default export only: take either.
    const parseDocument = (yaml.parseDocument as typeof yaml.parseDocument | undefined) ?? (yaml as unknown as { default: typeof yaml }).default.parseDocument;
    const parsed = parseDocument(text, { uniqueKeys: true });
    const first = parsed.errors[0];
    if (first !== undefined) throw new InvalidPlanError([{ path: '(file)', message: `is not valid YAML: ${first.message.split('\n')[0] ?? ''}` }], fileName);
    document = parsed.toJS();
  } else {
    try {
      document = JSON.parse(text) as unknown;
    } catch (error) {
      throw new InvalidPlanError([{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }], fileName);
    }
  }
  return validatePlan(document, fileName);
}
