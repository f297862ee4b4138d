import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadInputError } from '@lp/core';
import type { CurriculumProgramme } from '@lp/learning';
import { CertificationProgramEntity } from '../entities';
import { RenewalBasis } from '../rules/renewal-dating';
import { ProgramService } from './program.service';

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

  async seed(programmes: CurriculumProgramme[]): Promise<SeededProgramme[]> {
    const outcomes: SeededProgramme[] = [];
    for (const programme of programmes) {
      if (await this.dataSource.getRepository(CertificationProgramEntity).existsBy({ code: programme.code })) {
        outcomes.push({ code: programme.code, outcome: 'unchanged' });
        continue;
      }
      if (!Object.values<string>(RenewalBasis).includes(programme.renewalBasis)) {
        throw new BadInputError(
          `programs.yaml: ${programme.code} has renewalBasis ${programme.renewalBasis}; use ${Object.values(RenewalBasis).join(', ')}`,
          'renewalBasis',
        );
      }
      const courseIdByCode = await this.courseIds([...programme.courseCodes, programme.refresherCourseCode]);
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
    }
    return outcomes;
  }

  private async courseIds(codes: string[]): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query('SELECT id, code FROM courses WHERE code IN (?)', [codes])) as {
      id: number;
      code: string;
    }[];
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
