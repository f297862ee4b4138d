import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '@lp/audit';
import {
  BadInputError,
  Clock,
  ConflictError,
  isDuplicateKeyError,
  isMissingReferenceError,
  NotFoundError,
  retriedTransaction,
} from '@lp/core';
import { JobRoleEntity, StoreEntity } from '@lp/organisation';
import { CertificationProgramEntity, ProgramAudienceEntity, ProgramCourseEntity } from '../entities';
import { isCalendarMonthDay, RenewalBasis } from '../rules/renewal-dating';
import { openCertificateYears } from './certificate-numbering';

export interface AudienceRuleInput {
  jobRoleCode: string;
  storeId?: number;
  regionId?: number;
}

export interface CreateProgramInput {
  code: string;
  name: string;
  description?: string;
  courseIds: number[];
  validityMonths: number;
  recertifyWindowDays: number;
  refresherCourseId?: number;
  reminderOffsetsDays?: number[];
  requiredJobRoleCodes?: string[];
  audience?: AudienceRuleInput[];
  renewalBasis?: RenewalBasis;
  fixedExpiryDate?: string;
  onboardingDays?: number;
}

export const DEFAULT_REMINDER_OFFSETS = [30, 14, 7, 1];

/** As the planner will use them, so the programme shows the reminders that are sent. */
function storedReminderOffsets(offsetsDays: number[] | undefined): number[] {
  const offsets = offsetsDays && offsetsDays.length > 0 ? offsetsDays : DEFAULT_REMINDER_OFFSETS;
  return [...new Set(offsets)].sort((a, b) => b - a);
}

/** Called in the creating transaction so audience rules can assign the courses at once. */
export type ProgramCreatedHook = (
  manager: EntityManager,
  program: CertificationProgramEntity,
  actorId: number | null,
) => Promise<void>;

@Injectable()
export class ProgramService {
  private readonly createdHooks: ProgramCreatedHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onCreated(hook: ProgramCreatedHook): void {
    this.createdHooks.push(hook);
  }

  list(): Promise<CertificationProgramEntity[]> {
    return this.dataSource.getRepository(CertificationProgramEntity).find({ order: { code: 'ASC' } });
  }

  async get(id: number): Promise<CertificationProgramEntity> {
    const program = await this.dataSource.getRepository(CertificationProgramEntity).findOneBy({ id });
    if (!program) throw new NotFoundError('Certification programme', id);
    return program;
  }

  async create(input: CreateProgramInput, actorId: number | null): Promise<CertificationProgramEntity> {
    this.assertDatingRules(input);
    const courseIds = [...new Set(input.courseIds)];
    try {
      // Again, whole, if InnoDB rolls it back to break a deadlock: its audience's assignments
      // are written while the worker may be assigning refreshers.
      return await retriedTransaction(this.dataSource, async (manager) => {
        await this.assertPublishedCourses(manager, [
          ...courseIds,
          ...(input.refresherCourseId ? [input.refresherCourseId] : []),
        ]);
        const audience = await this.resolveAudience(manager, input);
        const program = manager.create(CertificationProgramEntity, {
          code: input.code,
          name: input.name,
          description: input.description ?? null,
          validityMonths: input.validityMonths,
          recertifyWindowDays: input.recertifyWindowDays,
          refresherCourseId: input.refresherCourseId ?? null,
          reminderOffsetsDays: storedReminderOffsets(input.reminderOffsetsDays),
          renewalBasis: input.renewalBasis ?? RenewalBasis.PREVIOUS_EXPIRY,
          fixedExpiryDate: input.fixedExpiryDate ?? null,
          onboardingDays: input.onboardingDays ?? 30,
        });
        await manager.save(program);
        await openCertificateYears(manager, this.clock.now(), program.id);
        await manager.insert(
          ProgramCourseEntity,
          courseIds.map((courseId) => ({ programId: program.id, courseId })),
        );
        if (audience.length > 0) {
          await manager.insert(
            ProgramAudienceEntity,
            audience.map((rule) => ({ ...rule, programId: program.id })),
          );
        }
        await this.audit.record(manager, {
          actorId,
          action: 'CERTIFICATION_PROGRAM_CREATED',
          subjectType: 'CertificationProgram',
          subjectId: program.id,
          after: { ...input },
        });
        for (const hook of this.createdHooks) await hook(manager, program, actorId);
        return program;
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`A programme with code ${input.code} already exists`);
      if (isMissingReferenceError(error))
        throw new BadInputError('audience: a store or region does not exist', 'audience');
      throw error;
    }
  }

  /**
   * Validity of at least one month; the window must end before the shortest month-based
   * validity (28 days a month). Also for the curriculum's programmes, before anything is seeded.
   */
  assertDatingRules(input: Omit<CreateProgramInput, 'courseIds'>): void {
    if (input.recertifyWindowDays >= input.validityMonths * 28) {
      throw new BadInputError('recertifyWindowDays must be shorter than the validity', 'recertifyWindowDays');
    }
    if ((input.renewalBasis === RenewalBasis.FIXED_DATE) !== (input.fixedExpiryDate !== undefined)) {
      throw new BadInputError(
        'fixedExpiryDate (MM-DD) goes with renewalBasis FIXED_DATE, and only with it',
        'fixedExpiryDate',
      );
    }
    if (input.fixedExpiryDate !== undefined && !isCalendarMonthDay(input.fixedExpiryDate)) {
      throw new BadInputError(
        `fixedExpiryDate: ${input.fixedExpiryDate} is no day of the calendar; give MM-DD, e.g. 04-01`,
        'fixedExpiryDate',
      );
    }
    for (const offset of input.reminderOffsetsDays ?? []) {
      // The reminder planner skips anything else, so it would not be the schedule HR sees.
      if (!Number.isInteger(offset) || offset < 1) {
        throw new BadInputError('reminderOffsetsDays must be whole days, each at least 1', 'reminderOffsetsDays');
      }
      if (offset > input.validityMonths * 28) {
        throw new BadInputError('reminderOffsetsDays must fall within the validity', 'reminderOffsetsDays');
      }
    }
  }

  private async assertPublishedCourses(manager: EntityManager, courseIds: number[]): Promise<void> {
    if (courseIds.length === 0) return;
    const rows = (await manager.query('SELECT id FROM courses WHERE id IN (?) AND current_version_id IS NOT NULL', [
      courseIds,
    ])) as { id: number }[];
    const published = new Set(rows.map((r) => r.id));
    const missing = courseIds.filter((id) => !published.has(id));
    if (missing.length > 0) {
      throw new BadInputError(`courseIds: no published course with id ${missing.join(', ')}`, 'courseIds');
    }
  }

  private async resolveAudience(
    manager: EntityManager,
    input: CreateProgramInput,
  ): Promise<Omit<ProgramAudienceEntity, 'id' | 'programId'>[]> {
    const rules: AudienceRuleInput[] = [
      ...(input.requiredJobRoleCodes ?? []).map((jobRoleCode) => ({ jobRoleCode })),
      ...(input.audience ?? []),
    ];
    if (rules.length === 0) return [];
    const codes = [...new Set(rules.map((r) => r.jobRoleCode))];
    const jobRoles = await manager.findBy(JobRoleEntity, { code: In(codes) });
    const idByCode = new Map(jobRoles.map((j) => [j.code, j.id]));
    const unknown = codes.filter((code) => !idByCode.has(code));
    if (unknown.length > 0) throw new BadInputError(`unknown job role ${unknown.join(', ')}`, 'requiredJobRoleCodes');
    await this.assertStoresInTheirRegions(manager, rules);
    return rules.map((r) => ({
      jobRoleId: idByCode.get(r.jobRoleCode)!,
      storeId: r.storeId ?? null,
      regionId: r.regionId ?? null,
    }));
  }

  /** A rule naming a store and a region outside it would require nobody, silently. */
  private async assertStoresInTheirRegions(manager: EntityManager, rules: AudienceRuleInput[]): Promise<void> {
    const both = rules.filter((r) => r.storeId !== undefined && r.regionId !== undefined);
    if (both.length === 0) return;
    const stores = await manager.findBy(StoreEntity, { id: In(both.map((r) => r.storeId!)) });
    const regionOf = new Map(stores.map((store) => [store.id, store.regionId]));
    const misplaced = both.find((r) => regionOf.has(r.storeId!) && regionOf.get(r.storeId!) !== r.regionId);
    if (misplaced) {
      throw new BadInputError(
        `audience: store ${misplaced.storeId} is not in region ${misplaced.regionId}; give one of them`,
        'audience',
      );
    }
  }
}
