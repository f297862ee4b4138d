import { ComplianceDayCloseEntity } from './compliance-day-close.entity';
import { StoreComplianceSnapshotEntity } from './store-compliance-snapshot.entity';

export * from './compliance-day-close.entity';
export * from './store-compliance-snapshot.entity';

export const reportingEntities = [StoreComplianceSnapshotEntity, ComplianceDayCloseEntity];
