import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { readConfig, withDatabaseLock } from '@lp/core';
import { ProgramSeeder } from '@lp/certification';
import { CurriculumSeeder, LearningConfig, loadCurriculum, type SeedOptions, type SeededCourse } from '@lp/learning';
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
    case 'kept': {
      const { publishedNumber, draftNumber } = course.adminEdits!;
      const edits = [
        publishedNumber !== null && `version ${publishedNumber} was published by an admin`,
        draftNumber !== null && `a draft, version ${draftNumber}, is open`,
      ].filter(Boolean);
      return (
        `${course.code}: its file changed, but an admin has edited the course since it was loaded (${edits.join('; ')}); ` +
        'the file was not applied (npm run cli -- seed-curriculum --overwrite-edits replaces their work with it)'
      );
    }
  }
}

/**
 * Loads the built-in curriculum (CURRICULUM_DIR): checks every file first, then creates or
 * republishes courses by code. Idempotent, so `npm start` runs it every time.
 */
export async function seedCurriculum(
  log: (line: string) => void = console.log,
  verbose = true,
  options: SeedOptions = {},
): Promise<void> {
  const curriculum = await loadCurriculum(resolve(readConfig(LearningConfig).CURRICULUM_DIR));
  const [outcomes, programmes] = await withCliContext((context) =>
    withDatabaseLock(context.get(DataSource), seedingLock(log), async () => {
      await context.get(ProgramSeeder).assertSeedable(curriculum.programmes);
      const courses = await context.get(CurriculumSeeder).seed(curriculum, options);
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
    .summary('load the built-in LP curriculum')
    .description('load the built-in LP curriculum (curriculum/*.yaml); running it again changes nothing')
    .option('--overwrite-edits', "apply changed files also to courses an admin has edited, replacing the admin's work")
    .action(async ({ overwriteEdits }: { overwriteEdits?: boolean }) => {
      await migrateDatabase();
      await seedCurriculum(console.log, true, { overwriteEdits: overwriteEdits === true });
    });
}
