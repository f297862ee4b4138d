import type { SchemaParts } from '@lp/core';
import { assignmentEntities } from '@lp/assignments/entities';
import { auditEntities } from '@lp/audit/entities';
import { certificationEntities } from '@lp/certification/entities';
import { identityEntities } from '@lp/identity/entities';
import { learningEntities } from '@lp/learning/entities';
import { notificationEntities } from '@lp/notifications/entities';
import { organisationEntities } from '@lp/organisation/entities';
import { reportingEntities } from '@lp/reporting/entities';
import { allMigrations } from './index';

/** Every entity and migration of LP Academy: the app, the worker, the CLI and the tests use this list. */
export const lpSchema: SchemaParts = {
  entities: [
    ...organisationEntities,
    ...identityEntities,
    ...auditEntities,
    ...learningEntities,
    ...assignmentEntities,
    ...certificationEntities,
    ...notificationEntities,
    ...reportingEntities,
  ],
  migrations: allMigrations,
};
