import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type CurriculumCourse, parseCourseFile } from './course-file';
import { type CurriculumProgramme, parseProgrammesFile } from './programmes-file';
import { FileProblems } from './yaml-fields';

export interface Curriculum {
  courses: CurriculumCourse[];
  programmes: CurriculumProgramme[];
}

/** The curriculum files are wrong; `problems` has one line per problem, naming file and field. */
export class CurriculumError extends Error {
  constructor(readonly problems: string[]) {
    super(`The curriculum has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CurriculumError';
  }
}

/**
 * Loads the built-in curriculum from `directory`: every `courses/*.yaml` (one course each)
 * and `programs.yaml`. Everything is checked before anything is used; any problem in any
 * file stops the load with the complete list.
 */
export async function loadCurriculum(directory: string): Promise<Curriculum> {
  // Paths in messages are relative to the working directory when inside it (curriculum/courses/x.yaml).
  const label = (path: string) => {
    const inside = relative(process.cwd(), path);
    return inside && !inside.startsWith('..') ? inside : path;
  };
  const coursesDir = join(directory, 'courses');
  let names: string[];
  try {
    names = (await readdir(coursesDir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch {
    throw new CurriculumError([`${label(coursesDir)}: the folder cannot be read`]);
  }
  const problems: string[] = [];
  const courses: CurriculumCourse[] = [];
  for (const name of names) {
    const path = join(coursesDir, name);
    const parsed = parseCourseFile(label(path), await readFile(path, 'utf8'));
    if (parsed instanceof FileProblems) problems.push(...parsed.lines);
    else courses.push(parsed);
  }
  const seen = new Map<string, string>();
  for (const course of courses) {
    const key = course.details.code.toUpperCase();
    const other = seen.get(key);
    if (other) problems.push(`${course.file}: code: ${course.details.code} is also the code of ${other}`);
    seen.set(key, course.file);
  }
  if (names.length === 0) problems.push(`${label(coursesDir)}: no course files (*.yaml)`);

  const programmesPath = join(directory, 'programs.yaml');
  const programmesText = await readFile(programmesPath, 'utf8').catch(() => null);
  let programmes: CurriculumProgramme[] = [];
  if (programmesText === null) {
    problems.push(`${label(programmesPath)}: the file cannot be read`);
  } else {
    // Programmes are checked against the courses only once every course file has loaded,
    // so one broken course file does not also show up as unknown codes here.
    const knownCodes = problems.length === 0 ? new Set(courses.map((c) => c.details.code)) : null;
    const parsed = parseProgrammesFile(label(programmesPath), programmesText, knownCodes);
    if (parsed instanceof FileProblems) problems.push(...parsed.lines);
    else programmes = parsed;
  }
  if (problems.length > 0) throw new CurriculumError(problems);
  return { courses, programmes };
}
