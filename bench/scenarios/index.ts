import type { Scenario } from '../lib/context';
import { csvImportScenario } from './csv-import.scenario';
import { dashboardScenario } from './dashboard.scenario';
import { emailScenario } from './email.scenario';
import { notMeasuredYet } from './not-measured';
import { quizScenario } from './quiz.scenario';
import { reminderSweepScenario } from './reminder-sweep.scenario';
import { stackScenario } from './stack.scenario';

/** Every scenario, in table order. */
export const SCENARIOS: Scenario[] = [
  stackScenario,
  dashboardScenario,
  quizScenario,
  notMeasuredYet(
    '3 reports: storeCompliance / complianceByStore vs hand-written SQL (target ≤ 1.5× latency)',
    'the reports are being built on another branch',
  ),
  reminderSweepScenario,
  emailScenario,
  csvImportScenario,
  notMeasuredYet(
    '6d CSV export of 100,000 certifications (memory under 2× idle)',
    'the export is being built with the reports',
  ),
];
