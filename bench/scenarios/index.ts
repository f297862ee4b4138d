import type { Scenario } from '../lib/context';
import { certificationsExportScenario } from './certifications-export.scenario';
import { dayCloseScenario } from './day-close.scenario';
import { csvImportScenario } from './csv-import.scenario';
import { dashboardScenario } from './dashboard.scenario';
import { emailScenario } from './email.scenario';
import { pagesScenario } from './pages.scenario';
import { quizScenario } from './quiz.scenario';
import { reminderSweepScenario } from './reminder-sweep.scenario';
import { reportsScenario } from './reports.scenario';
import { snapshotRecomputesScenario } from './snapshot-recomputes.scenario';
import { stackScenario } from './stack.scenario';

/** Every scenario, in table order. */
export const SCENARIOS: Scenario[] = [
  stackScenario,
  dashboardScenario,
  quizScenario,
  reportsScenario,
  reminderSweepScenario,
  emailScenario,
  csvImportScenario,
  certificationsExportScenario,
  dayCloseScenario,
  snapshotRecomputesScenario,
  pagesScenario,
];
