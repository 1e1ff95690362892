import type { ApplyPlanConfiguration, ApplyPlanResult } from '../plan/applyPlan.js';
import type { Plan } from '../plan/planTypes.js';

/**
 * What `apply` calls, injectable so `main` can be tested without files or AWS. The default imports
 * each part on first use: `--help` loads neither the YAML parser nor the SDK.
 */
export interface ApplyCliLibrary {
  /** Read and validate a plan file (YAML for .yaml/.yml, JSON otherwise); rejects with InvalidPlanError or the file system's error. */
  readPlan(file: string): Promise<Plan>;
  /** Check the portfolios, make each share and wait for it (src/plan/applyPlan.ts). */
  applyPlan(config: ApplyPlanConfiguration, plan: Plan): Promise<ApplyPlanResult>;
}

export const defaultApplyLibrary: ApplyCliLibrary = {
  async readPlan(file) {
    const { readFile } = await import('node:fs/promises');
    const { parsePlan } = await import('../plan/parsePlan.js');
    return parsePlan(await readFile(file, 'utf8'), file);
  },
  async applyPlan(config, plan) {
    const { applyPlan } = await import('../plan/applyPlan.js');
    return applyPlan(config, plan);
  },
};
