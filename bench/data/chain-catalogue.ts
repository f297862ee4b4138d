import type { QueryRunner } from 'typeorm';

/** A published course as the generator needs it: its current version, lessons and quiz size. */
export interface CatalogueCourse {
  id: number;
  code: string;
  versionId: number;
  lessonIds: number[];
  questionsPerAttempt: number;
  maxAttempts: number;
}

export interface CatalogueProgramme {
  id: number;
  code: string;
  validityMonths: number;
  courseIds: number[];
  jobRoleIds: number[];
}

export interface Catalogue {
  courses: CatalogueCourse[];
  programmes: CatalogueProgramme[];
  jobRoleIds: Map<string, number>;
}

/** Reads what seed-curriculum loaded, so generated records point at the real courses and programmes. */
export async function readCatalogue(runner: QueryRunner): Promise<Catalogue> {
  const courses = (await runner.query(
    `SELECT c.id, c.code, v.id AS versionId, v.quiz_questions_per_attempt AS perAttempt, v.quiz_max_attempts AS maxAttempts,
            (SELECT COUNT(*) FROM questions q WHERE q.course_version_id = v.id) AS bank
       FROM courses c JOIN course_versions v ON v.id = c.current_version_id ORDER BY c.id`,
  )) as { id: number; code: string; versionId: number; perAttempt: number; maxAttempts: number; bank: string }[];
  const lessons = (await runner.query('SELECT id, course_version_id AS versionId FROM lessons ORDER BY position')) as {
    id: number;
    versionId: number;
  }[];
  const programmes = (await runner.query(
    'SELECT id, code, validity_months AS validityMonths FROM certification_programs ORDER BY id',
  )) as { id: number; code: string; validityMonths: number }[];
  const programCourses = (await runner.query('SELECT program_id, course_id FROM program_courses')) as {
    program_id: number;
    course_id: number;
  }[];
  const audiences = (await runner.query('SELECT DISTINCT program_id, job_role_id FROM program_audiences')) as {
    program_id: number;
    job_role_id: number;
  }[];
  const roles = (await runner.query('SELECT id, code FROM job_roles')) as { id: number; code: string }[];
  return {
    courses: courses.map((c) => ({
      id: c.id,
      code: c.code,
      versionId: c.versionId,
      lessonIds: lessons.filter((l) => l.versionId === c.versionId).map((l) => l.id),
      questionsPerAttempt: Math.min(c.perAttempt, Number(c.bank)),
      maxAttempts: c.maxAttempts,
    })),
    programmes: programmes.map((p) => ({
      ...p,
      courseIds: programCourses.filter((pc) => pc.program_id === p.id).map((pc) => pc.course_id),
      jobRoleIds: audiences.filter((a) => a.program_id === p.id).map((a) => a.job_role_id),
    })),
    jobRoleIds: new Map(roles.map((r) => [r.code, r.id])),
  };
}
