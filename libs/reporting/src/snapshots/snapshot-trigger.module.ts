import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@lp/assignments';
import { QueueModule, QueueName } from '@lp/core';
import { OrganisationModule } from '@lp/organisation';
import { SnapshotTrigger } from './snapshot-trigger';

/** The API's side of the snapshots: queueing recomputes when figures change. Needs SnapshotsConfig. */
@Module({
  imports: [QueueModule.register(QueueName.ComplianceSnapshots), OrganisationModule, AssignmentsModule],
  providers: [SnapshotTrigger],
  exports: [SnapshotTrigger],
})
export class SnapshotTriggerModule {}
