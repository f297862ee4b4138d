import { Module } from '@nestjs/common';
import { MissingPeopleQuery } from './queries/missing-people.query';
import { RegionComplianceQuery } from './queries/region-compliance.query';
import { StoreComplianceQuery } from './queries/store-compliance.query';
import { ReportReader } from './report-reader';
import { ComplianceReports } from './services/compliance-reports.service';
import { CsvExports } from './services/csv-exports.service';
import { ReportSubjects } from './services/report-subjects';
import { ComplianceTrends } from './snapshots/compliance-trends.service';
import { SnapshotService } from './snapshots/snapshot.service';
import { StoreRecomputeBatcher } from './snapshots/store-recompute-batcher';

const exported = [
  ComplianceReports,
  CsvExports,
  StoreComplianceQuery,
  RegionComplianceQuery,
  MissingPeopleQuery,
  SnapshotService,
  StoreRecomputeBatcher,
  ComplianceTrends,
];

@Module({
  providers: [...exported, ReportReader, ReportSubjects],
  exports: exported,
})
export class ReportingModule {}
