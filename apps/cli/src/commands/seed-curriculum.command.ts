import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { readConfig, withDatabaseLock } from '@lp/core';
import { ProgramSeeder } from '@lp/certification';
import { CurriculumSeeder, LearningConfig, loadCurriculum, type SeededCourse } from '@lp/learning';
import { migrateDatabase, seedingLock, withCliContext } from '../cli-context';

function describe(course: SeededCourse): string {
  switch (course.outcome) {
    case 'created':
      return `${course.code}: created and published version ${course.versionNumber}`;
    case 'published':
      return (
        `${course.code}: its file changed; published version ${course.versionNumber}` +
        (course.replacedDraft ? ' (an unpublished draft was replaced)' : '')
      );
    case 'updated':
      return `${course.code}: details updated; version ${course.versionNumber} unchanged`;
    case 'unchanged':
      return `${course.code}: up to date (version ${course.versionNumber})`;
  }
}

/**
 * Loads the built-in curriculum (CURRICULUM_DIR): checks every file first, then creates or
 * republishes courses by code. Idempotent, so `npm start` runs it every time.
 */
export async function seedCurriculum(log: (line: string) => void = console.log, verbose = true): Promise<void> {
  const curriculum = await loadCurriculum(resolve(readConfig(LearningConfig).CURRICULUM_DIR));
  const [outcomes, programmes] = await withCliContext((context) =>
    withDatabaseLock(context.get(DataSource), seedingLock(log), async () => {
      await context.get(ProgramSeeder).assertSeedable(curriculum.programmes);
      const courses = await context.get(CurriculumSeeder).seed(curriculum);
      return [courses, await context.get(ProgramSeeder).seed(curriculum.programmes)] as const;
    }),
  );
  const changed = outcomes.filter((o) => o.outcome !== 'unchanged');
  for (const course of verbose ? outcomes : changed) log(describe(course));
  if (!verbose && changed.length === 0) log(`Curriculum: ${outcomes.length} courses up to date.`);
  for (const programme of programmes) {
    if (verbose || programme.outcome === 'created') log(`Programme ${programme.code}: ${programme.outcome}`);
  }
}

export function registerSeedCurriculum(program: Command): void {
  program
    .command('seed-curriculum')
    .description('load the built-in LP curriculum (curriculum/*.yaml); running it again changes nothing')
    .action(async () => {
      await migrateDatabase();
      await seedCurriculum();
    });
}
