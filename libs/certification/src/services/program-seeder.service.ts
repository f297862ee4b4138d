import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppError, ConflictError } from '@lp/core';
import { CurriculumError, type CurriculumProgramme } from '@lp/learning';
import { JobRoleEntity } from '@lp/organisation';
import { CertificationProgramEntity } from '../entities';
import { RenewalBasis } from '../rules/renewal-dating';
import { ProgramService } from './program.service';

/** The file gives no fixed expiry date, so FIXED_DATE cannot be seeded. */
const SEEDABLE_BASES: string[] = [RenewalBasis.PREVIOUS_EXPIRY, RenewalBasis.COMPLETION];

export interface SeededProgramme {
  code: string;
  outcome: 'created' | 'unchanged';
}

/**
 * Creates the built-in programmes (curriculum/programs.yaml) that do not exist yet, by
 * code; an existing programme is left as HR configured it. Creating one applies its
 * audience rules to the people already employed.
 */
@Injectable()
export class ProgramSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramService,
  ) {}

  /**
   * Checks the programmes still to create against the rules HR's are held to, before any
   * course is seeded: a curriculum that cannot be loaded whole writes nothing.
   */
  async assertSeedable(programmes: CurriculumProgramme[]): Promise<void> {
    const problems: string[] = [];
    const jobRoleCodes = new Set(
      (
        await this.dataSource
          .getRepository(JobRoleEntity)
          .findBy({ code: In(programmes.flatMap((p) => p.requiredJobRoleCodes)) })
      ).map((jobRole) => jobRole.code),
    );
    const toCreate = await this.toCreate(programmes);
    const namesTaken = await this.namesTaken(toCreate);
    for (const programme of toCreate) {
      const problem = (text: string) => problems.push(`programs.yaml: ${programme.code}: ${text}`);
      const owner = namesTaken.get(programme.code);
      if (owner) problem(`name "${programme.name}" is programme ${owner}'s already; rename one of them`);
      if (!SEEDABLE_BASES.includes(programme.renewalBasis)) {
        problem(`renewalBasis ${programme.renewalBasis}; use ${SEEDABLE_BASES.join(' or ')}`);
      }
      const unknown = programme.requiredJobRoleCodes.filter((code) => !jobRoleCodes.has(code));
      if (unknown.length > 0) problem(`requiredJobRoleCodes: no job role ${unknown.join(', ')}`);
      try {
        this.programs.assertDatingRules({ ...programme, renewalBasis: programme.renewalBasis as RenewalBasis });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problem(error.message);
      }
    }
    if (problems.length > 0) throw new CurriculumError(problems);
  }

  async seed(programmes: CurriculumProgramme[]): Promise<SeededProgramme[]> {
    await this.assertSeedable(programmes);
    const outcomes: SeededProgramme[] = [];
    const toCreate = new Set(await this.toCreate(programmes));
    for (const programme of programmes) {
      if (!toCreate.has(programme)) {
        outcomes.push({ code: programme.code, outcome: 'unchanged' });
        continue;
      }
      const courseIdByCode = await this.courseIds([...programme.courseCodes, programme.refresherCourseCode]);
      try {
        await this.programs.create(
          {
            code: programme.code,
            name: programme.name,
            description: programme.description,
            courseIds: programme.courseCodes.map((code) => courseIdByCode.get(code)!),
            refresherCourseId: courseIdByCode.get(programme.refresherCourseCode),
            validityMonths: programme.validityMonths,
            recertifyWindowDays: programme.recertifyWindowDays,
            reminderOffsetsDays: programme.reminderOffsetsDays,
            renewalBasis: programme.renewalBasis as RenewalBasis,
            requiredJobRoleCodes: programme.requiredJobRoleCodes,
          },
          null,
        );
        outcomes.push({ code: programme.code, outcome: 'created' });
      } catch (error) {
        // Another process starting at the same moment created it first.
        if (!(error instanceof ConflictError) || (await this.toCreate([programme])).length > 0) throw error;
        outcomes.push({ code: programme.code, outcome: 'unchanged' });
      }
    }
    return outcomes;
  }

  /**
   * The code of the existing programme whose name each new one would take, by the new one's
   * code: names are unique, compared as the column's collation does (case and accents aside).
   * One read per programme: the curriculum has a handful.
   */
  private async namesTaken(programmes: CurriculumProgramme[]): Promise<Map<string, string>> {
    const taken = new Map<string, string>();
    for (const programme of programmes) {
      const [owner] = (await this.dataSource.query('SELECT code FROM certification_programs WHERE name = ?', [
        programme.name,
      ])) as { code: string }[];
      if (owner) taken.set(programme.code, owner.code);
    }
    return taken;
  }

  /** Those whose code no programme has yet: an existing one is left as HR configured it. */
  private async toCreate(programmes: CurriculumProgramme[]): Promise<CurriculumProgramme[]> {
    const existing = await this.dataSource
      .getRepository(CertificationProgramEntity)
      .findBy({ code: In(programmes.map((p) => p.code)) });
    const codes = new Set(existing.map((program) => program.code));
    return programmes.filter((programme) => !codes.has(programme.code));
  }

  private async courseIds(codes: string[]): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query('SELECT id, code FROM courses WHERE code IN (?)', [codes])) as {
      id: number;
      code: string;
    }[];
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
