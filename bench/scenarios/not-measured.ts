import type { Scenario } from '../lib/context';
import { notMeasured } from '../lib/results';

/**
 * Scenarios whose feature is built elsewhere: each keeps its row in the table until its
 * owner replaces this entry in scenarios/index.ts with a measured scenario.
 */
export function notMeasuredYet(name: string, why: string): Scenario {
  return {
    name,
    target: null,
    nextStep: '',
    run: () => Promise.resolve([notMeasured(name, `not measured yet: ${why}`)]),
  };
}
