import { CreateOrganisationAndIdentity1795772176774 } from './1795772176774-CreateOrganisationAndIdentity';
import { SeedJobRoles1795772176800 } from './1795772176800-SeedJobRoles';
import { CreateNotifications1795773647330 } from './1795773647330-CreateNotifications';
import { CreateLearningAndAssignments1795773683328 } from './1795773683328-CreateLearningAndAssignments';
import { AddAssignmentOpenKeyCheck1795773683400 } from './1795773683400-AddAssignmentOpenKeyCheck';
import { CreateCertification1795775093001 } from './1795775093001-CreateCertification';
import { AddReportIndexes1795776147785 } from './1795776147785-AddReportIndexes';
import { IndexAssignmentsByDueDate1795776376369 } from './1795776376369-IndexAssignmentsByDueDate';
import { CreateComplianceSnapshots1795777735467 } from './1795777735467-CreateComplianceSnapshots';
import { IndexAssignmentsByCourseAndEmployee1795813962053 } from './1795813962053-IndexAssignmentsByCourseAndEmployee';
import { IndexEmployeesByStoreActiveAndRole1795864807182 } from './1795864807182-IndexEmployeesByStoreActiveAndRole';
import { IndexNotificationsByKindAndStatus1795868953500 } from './1795868953500-IndexNotificationsByKindAndStatus';
import { CompareEmployeeEmailsExactly1795874101907 } from './1795874101907-CompareEmployeeEmailsExactly';
import { RevokeCyclesSupersededByRevokedRenewals1795879144975 } from './1795879144975-RevokeCyclesSupersededByRevokedRenewals';
import { EndFixedExpiryDatesInTheHoldersZone1795881928314 } from './1795881928314-EndFixedExpiryDatesInTheHoldersZone';
import { RecordWhoCancelledAssignments1795884000000 } from './1795884000000-RecordWhoCancelledAssignments';
import { AddEmployeeTokenVersion1795890000000 } from './1795890000000-AddEmployeeTokenVersion';
import { RecordInvitesNotSent1795896000000 } from './1795896000000-RecordInvitesNotSent';
import { RecordStoreClosings1795900000000 } from './1795900000000-RecordStoreClosings';
import { AddNotificationDaysBefore1795902000000 } from './1795902000000-AddNotificationDaysBefore';
import { MakeProgrammeNamesUnique1795905000000 } from './1795905000000-MakeProgrammeNamesUnique';
import { IndexEmployeesByRole1795910000000 } from './1795910000000-IndexEmployeesByRole';

/** Kept in order by `npm run migration:generate`; never edit a migration that is on main. */
export const allMigrations = [
  CreateOrganisationAndIdentity1795772176774,
  SeedJobRoles1795772176800,
  CreateNotifications1795773647330,
  CreateLearningAndAssignments1795773683328,
  AddAssignmentOpenKeyCheck1795773683400,
  CreateCertification1795775093001,
  AddReportIndexes1795776147785,
  IndexAssignmentsByDueDate1795776376369,
  CreateComplianceSnapshots1795777735467,
  IndexAssignmentsByCourseAndEmployee1795813962053,
  IndexEmployeesByStoreActiveAndRole1795864807182,
  IndexNotificationsByKindAndStatus1795868953500,
  CompareEmployeeEmailsExactly1795874101907,
  RevokeCyclesSupersededByRevokedRenewals1795879144975,
  EndFixedExpiryDatesInTheHoldersZone1795881928314,
  RecordWhoCancelledAssignments1795884000000,
  AddEmployeeTokenVersion1795890000000,
  RecordInvitesNotSent1795896000000,
  RecordStoreClosings1795900000000,
  AddNotificationDaysBefore1795902000000,
  MakeProgrammeNamesUnique1795905000000,
  IndexEmployeesByRole1795910000000,
];
