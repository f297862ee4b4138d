import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock, QueueName } from '@lp/core';
import type { AfterCommit } from '@lp/organisation';
import { CertificationJob, type IssueAfterCourseRemovalPayload } from './certification-jobs';
import { CourseRemovalIssuer } from './course-removal-issuer.service';
import { ProgramService } from './program.service';

/**
 * A course removed from a programme no longer stands between its people and the certificate:
 * once the edit has committed, the worker certifies those it was the last course left for
 * (CourseRemovalIssuer), dated from the edit. Not in the editing transaction: on a large chain
 * that is tens of thousands of certificates, which would hold the programme's locks, and
 * every completion waiting on them, for minutes. Should Redis not take the job, the request
 * issues them itself, in the same bounded transactions, rather than leave them unissued.
 */
@Injectable()
export class IssueOnCourseRemovalHook implements OnModuleInit {
  private readonly logger = new Logger(IssueOnCourseRemovalHook.name);

  constructor(
    private readonly programs: ProgramService,
    private readonly issuer: CourseRemovalIssuer,
    @InjectQueue(QueueName.CertificationIssuing) private readonly queue: Queue<IssueAfterCourseRemovalPayload>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.programs.onEdited(async (_manager, _before, after, { removedCourseIds, actorId }) => {
      if (removedCourseIds.length === 0) return;
      const payload = { programId: after.id, removedCourseIds, changedAt: this.clock.now().toISOString(), actorId };
      return this.queueIssuing(payload);
    });
  }

  private queueIssuing(payload: IssueAfterCourseRemovalPayload): AfterCommit {
    return async () => {
      try {
        await this.queue.add(CertificationJob.IssueAfterCourseRemoval, payload);
      } catch (error) {
        this.logger.warn(
          { err: error, ...payload },
          'Could not queue the certificates of a removed course; issuing them now',
        );
        await this.issuer.issue(payload);
      }
    };
  }
}
