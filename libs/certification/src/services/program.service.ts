import { Injectable, Logger } from '@nestjs/common';
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
import { type AfterCommit, JobRoleEntity, StoreEntity } from '@lp/organisation';
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

/**
 * What to change; the fields left out keep their value, a null clears one that may be empty.
 * `audience`, when given, is the whole new set of rules (a rule with no store or region is
 * chain-wide); an empty list leaves the programme requiring nobody in particular.
 */
export interface UpdateProgramInput {
  name?: string;
  description?: string | null;
  validityMonths?: number;
  recertifyWindowDays?: number;
  refresherCourseId?: number | null;
  reminderOffsetsDays?: number[];
  renewalBasis?: RenewalBasis;
  fixedExpiryDate?: string | null;
  onboardingDays?: number;
  audience?: AudienceRuleInput[];
  /** Courses to require as well; one required already changes nothing. */
  addCourseIds?: number[];
  /** Courses to require no more; one not required changes nothing. At least one course stays. */
  removeCourseIds?: number[];
}

export const DEFAULT_REMINDER_OFFSETS = [30, 14, 7, 1];

/** The unique key on programme names (CertificationProgramEntity). */
const PROGRAM_NAME_KEY = 'uq_certification_programs_name';

function nameTaken(name: string): ConflictError {
  return new ConflictError(`A programme named ${name} already exists`);
}

/**
 * As the planner will use them, so the programme shows the reminders that are sent: a set,
 * each day once and the latest first, however the input repeated or ordered them.
 */
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

/** The required courses an edit added and removed, and who edited. */
export interface ProgramCourseChange {
  addedCourseIds: number[];
  removedCourseIds: number[];
  actorId: number | null;
}

/**
 * Called in the editing transaction, once the programme's settings and courses are saved,
 * e.g. to cancel reminders it dropped, assign the courses it added or close the work of
 * those it removed. What it returns runs once the edit has committed, before the edit answers
 * (e.g. queueing the certificates a removed course earned).
 */
export type ProgramEditedHook = (
  manager: EntityManager,
  before: CertificationProgramEntity,
  after: CertificationProgramEntity,
  courses: ProgramCourseChange,
) => Promise<AfterCommit | void>;

/**
 * Replaces a programme's audience rules in the editing transaction: `replaceRules` writes the
 * new ones, so the hook can read who the rules required before and after (AudienceAssigner).
 */
export type AudienceReplacer = (
  manager: EntityManager,
  programId: number,
  replaceRules: () => Promise<void>,
) => Promise<void>;

/** The settings of a programme as the audit log keeps them. */
function programSnapshot(program: CertificationProgramEntity): Record<string, unknown> {
  return {
    name: program.name,
    description: program.description,
    validityMonths: program.validityMonths,
    recertifyWindowDays: program.recertifyWindowDays,
    refresherCourseId: program.refresherCourseId,
    reminderOffsetsDays: program.reminderOffsetsDays,
    renewalBasis: program.renewalBasis,
    fixedExpiryDate: program.fixedExpiryDate,
    onboardingDays: program.onboardingDays,
  };
}

type AudienceRow = Pick<ProgramAudienceEntity, 'jobRoleId' | 'storeId' | 'regionId'>;

/** Each rule once, in a stable order, so two sets compare by their JSON. */
function sortedRules(rules: AudienceRow[]): AudienceRow[] {
  const unique = new Map(rules.map((r) => [`${r.jobRoleId}/${r.storeId}/${r.regionId}`, r]));
  return [...unique.values()]
    .map(({ jobRoleId, storeId, regionId }) => ({ jobRoleId, storeId, regionId }))
    .sort(
      (a, b) =>
        a.jobRoleId - b.jobRoleId || (a.storeId ?? 0) - (b.storeId ?? 0) || (a.regionId ?? 0) - (b.regionId ?? 0),
    );
}

@Injectable()
export class ProgramService {
  private readonly logger = new Logger(ProgramService.name);
  private readonly createdHooks: ProgramCreatedHook[] = [];
  private readonly editedHooks: ProgramEditedHook[] = [];
  private audienceReplacer: AudienceReplacer = (_manager, _programId, replaceRules) => replaceRules();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onCreated(hook: ProgramCreatedHook): void {
    this.createdHooks.push(hook);
  }

  onEdited(hook: ProgramEditedHook): void {
    this.editedHooks.push(hook);
  }

  replaceAudienceWith(replacer: AudienceReplacer): void {
    this.audienceReplacer = replacer;
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
        await this.assertNameFree(manager, input.name);
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
      if (isDuplicateKeyError(error, PROGRAM_NAME_KEY)) throw nameTaken(input.name);
      if (isDuplicateKeyError(error)) throw new ConflictError(`A programme with code ${input.code} already exists`);
      if (isMissingReferenceError(error))
        throw new BadInputError('audience: a store or region does not exist', 'audience');
      throw error;
    }
  }

  /**
   * Changes a programme's settings and, given `audience`, its rules, in one transaction
   * audited as CERTIFICATION_PROGRAM_UPDATED; nothing to change writes nothing. Its code stays:
   * it numbers the certificates. What is issued keeps its dates: validity and renewal basis
   * date the cycles issued from now on. The edited hooks cancel what the old settings planned
   * and no longer apply (reminders at dropped offsets, refreshers of a replaced refresher
   * course); the next planning run plans by the new ones. New rules assign the courses to the
   * people they newly require; people no longer required lose the open work the rules made.
   * A course added is required from now on: holders keep their certificates (they pass it to
   * renew), and the audience's people working toward one get it at once. A course removed is
   * required no more: the open work the programme made for it goes (AudienceAssigner), and those
   * it was all that was left to pass for are certified as by passing it, after the edit commits,
   * by the worker (IssueOnCourseRemovalHook). At least one course stays.
   */
  async update(id: number, input: UpdateProgramInput, actorId: number | null): Promise<CertificationProgramEntity> {
    const [toAdd, toRemove] = [new Set(input.addCourseIds ?? []), new Set(input.removeCourseIds ?? [])];
    if ([...toRemove].some((courseId) => toAdd.has(courseId))) {
      throw new BadInputError('removeCourseIds: a course cannot be added and removed at once', 'removeCourseIds');
    }
    let edit: { program: CertificationProgramEntity; afterCommit: AfterCommit[] };
    try {
      edit = await retriedTransaction(this.dataSource, async (manager) => {
        const before = await manager.findOne(CertificationProgramEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!before) throw new NotFoundError('Certification programme', id);
        const program = this.edited(before, input);
        if (input.name !== undefined) await this.assertNameFree(manager, program.name, id);
        const courseIds = (await manager.findBy(ProgramCourseEntity, { programId: id })).map((c) => c.courseId);
        const added = [...toAdd].filter((courseId) => !courseIds.includes(courseId));
        const removed = courseIds.filter((courseId) => toRemove.has(courseId));
        if (removed.length > 0 && courseIds.length + added.length === removed.length) {
          throw new BadInputError(
            'removeCourseIds: a programme requires at least one course; add its replacement in the same change',
            'removeCourseIds',
          );
        }
        await this.assertPublishedCourses(manager, [
          ...added,
          ...(input.refresherCourseId ? [input.refresherCourseId] : []),
        ]);
        const rulesBefore = sortedRules(await manager.findBy(ProgramAudienceEntity, { programId: id }));
        const rulesAfter = input.audience ? sortedRules(await this.resolveAudience(manager, input)) : rulesBefore;
        const [was, is] = [programSnapshot(before), programSnapshot(program)];
        const rulesChanged = JSON.stringify(rulesBefore) !== JSON.stringify(rulesAfter);
        const coursesChanged = added.length > 0 || removed.length > 0;
        if (!rulesChanged && !coursesChanged && JSON.stringify(was) === JSON.stringify(is)) {
          return { program: before, afterCommit: [] };
        }

        await manager.save(program);
        if (added.length > 0) {
          await manager.insert(
            ProgramCourseEntity,
            added.map((courseId) => ({ programId: id, courseId })),
          );
        }
        if (removed.length > 0) await manager.delete(ProgramCourseEntity, { programId: id, courseId: In(removed) });
        // The audience first: an added course then goes to those the new rules require only.
        if (rulesChanged) {
          await this.audienceReplacer(manager, id, async () => {
            await manager.delete(ProgramAudienceEntity, { programId: id });
            if (rulesAfter.length > 0) {
              await manager.insert(
                ProgramAudienceEntity,
                rulesAfter.map((rule) => ({ ...rule, programId: id })),
              );
            }
          });
        }
        const courseChange = { addedCourseIds: added, removedCourseIds: removed, actorId };
        const afterCommit: AfterCommit[] = [];
        for (const hook of this.editedHooks) {
          const action = await hook(manager, before, program, courseChange);
          if (action) afterCommit.push(action);
        }
        await this.audit.record(manager, {
          actorId,
          action: 'CERTIFICATION_PROGRAM_UPDATED',
          subjectType: 'CertificationProgram',
          subjectId: id,
          before: { ...was, courseIds, audience: rulesBefore },
          after: {
            ...is,
            courseIds: [...courseIds.filter((courseId) => !toRemove.has(courseId)), ...added],
            audience: rulesAfter,
          },
        });
        return { program, afterCommit };
      });
    } catch (error) {
      if (isDuplicateKeyError(error, PROGRAM_NAME_KEY)) throw nameTaken(input.name!);
      if (isMissingReferenceError(error))
        throw new BadInputError('audience: a store or region does not exist', 'audience');
      throw error;
    }
    for (const action of edit.afterCommit) {
      await action().catch((error: unknown) => this.logger.error({ err: error }, 'After-commit action failed'));
    }
    return edit.program;
  }

  /** The programme with the input's changes, checked as a new one would be. */
  private edited(before: CertificationProgramEntity, input: UpdateProgramInput): CertificationProgramEntity {
    const renewalBasis = input.renewalBasis ?? before.renewalBasis;
    // A date belongs to FIXED_DATE renewal only: another basis drops the one kept.
    const fixedExpiryDate =
      input.fixedExpiryDate !== undefined
        ? input.fixedExpiryDate
        : renewalBasis === RenewalBasis.FIXED_DATE
          ? before.fixedExpiryDate
          : null;
    const program = this.dataSource.manager.create(CertificationProgramEntity, {
      ...before,
      name: input.name ?? before.name,
      description: input.description !== undefined ? input.description : before.description,
      validityMonths: input.validityMonths ?? before.validityMonths,
      recertifyWindowDays: input.recertifyWindowDays ?? before.recertifyWindowDays,
      refresherCourseId: input.refresherCourseId !== undefined ? input.refresherCourseId : before.refresherCourseId,
      reminderOffsetsDays:
        input.reminderOffsetsDays !== undefined
          ? storedReminderOffsets(input.reminderOffsetsDays)
          : before.reminderOffsetsDays,
      renewalBasis,
      fixedExpiryDate,
      onboardingDays: input.onboardingDays ?? before.onboardingDays,
    });
    this.assertDatingRules({
      ...program,
      description: program.description ?? undefined,
      refresherCourseId: program.refresherCourseId ?? undefined,
      fixedExpiryDate: program.fixedExpiryDate ?? undefined,
    });
    return program;
  }

  /**
   * Two programmes that reports and certificates cannot tell apart are refused, as the
   * collation compares names (case and accents aside). The unique key settles a race.
   */
  private async assertNameFree(manager: EntityManager, name: string, programId?: number): Promise<void> {
    const taken = await manager.findOneBy(CertificationProgramEntity, { name });
    if (taken && taken.id !== programId) throw nameTaken(name);
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
    input: Pick<CreateProgramInput, 'requiredJobRoleCodes' | 'audience'>,
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
