import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { QuestionType } from '../entities/question-type';
import { CurriculumError, loadCurriculum } from './curriculum';

const SHIPPED = join(__dirname, '..', '..', '..', '..', 'curriculum');

/** A copy of the shipped curriculum with one course file changed. */
function curriculumWith(change: (course: any) => void, file = 'lp-basics.yaml'): string {
  const directory = mkdtempSync(join(tmpdir(), 'lp-curriculum-'));
  mkdirSync(join(directory, 'courses'));
  for (const name of ['lp-basics.yaml', 'lp-theft-prevention.yaml']) {
    const course = parse(readFileSync(join(SHIPPED, 'courses', name), 'utf8'));
    if (name === file) change(course);
    writeFileSync(join(directory, 'courses', name), stringify(course));
  }
  writeFileSync(
    join(directory, 'programs.yaml'),
    stringify({
      programs: [
        {
          code: 'LPF',
          name: 'LP Foundations',
          description: 'Everyone',
          courseCodes: ['LP-BASICS', 'LP-THEFT'],
          refresherCourseCode: 'LP-THEFT',
          validityMonths: 12,
          recertifyWindowDays: 60,
          reminderOffsetsDays: [30, 7],
          renewalBasis: 'PREVIOUS_EXPIRY',
          requiredJobRoleCodes: ['CASHIER'],
        },
      ],
    }),
  );
  return directory;
}

async function problemsOf(directory: string): Promise<string[]> {
  try {
    await loadCurriculum(directory);
  } catch (error) {
    expect(error).toBeInstanceOf(CurriculumError);
    return (error as CurriculumError).problems;
  }
  throw new Error('expected the curriculum to be refused');
}

describe('the shipped curriculum', () => {
  it('loads: every course file passes the same checks as publishing', async () => {
    const { courses, programmes } = await loadCurriculum(SHIPPED);
    expect(courses.map((c) => c.details.code).sort()).toEqual([
      'LP-AUDIT',
      'LP-BASICS',
      'LP-INTERNAL',
      'LP-LAW',
      'LP-SURV',
      'LP-THEFT',
    ]);
    for (const { content } of courses) {
      expect(content.lessons.length).toBeGreaterThanOrEqual(3);
      expect(content.lessons.length).toBeLessThanOrEqual(6);
      expect(content.questions.length).toBeGreaterThanOrEqual(12);
      expect(content.questions.every((q) => q.explanation.length > 0)).toBe(true);
    }
    expect(programmes.map((p) => p.code)).toEqual(['LPF', 'LPO']);
  });

  it('fingerprints a course by what it says, not by how the file is laid out', async () => {
    const original = await loadCurriculum(curriculumWith(() => undefined));
    const reworded = await loadCurriculum(curriculumWith((course) => (course.lessons[0].title += '!')));
    expect(original.courses[0].fingerprint).toHaveLength(64);
    expect(reworded.courses[0].fingerprint).not.toBe(original.courses[0].fingerprint);
    expect(reworded.courses[1].fingerprint).toBe(original.courses[1].fingerprint);
  });
});

describe('loadCurriculum refuses a broken file, naming the file and the field', () => {
  it.each([
    [
      'a missing title',
      (course: any) => delete course.title,
      'courses/lp-basics.yaml: title: is required and must be text',
    ],
    [
      'a misspelt field',
      (course: any) => (course.questions[0].options[0].corect = true),
      'questions[0].options[0].corect: unknown field',
    ],
    [
      'an oversized lesson',
      (course: any) => (course.lessons[1].body = 'x'.repeat(50_001)),
      'lessons[1].body: is 50001 characters; the limit is 50000',
    ],
    [
      'a media link that is not a web address',
      (course: any) => (course.lessons[0].mediaUrl = 'javascript:alert(1)'),
      'lessons[0].mediaUrl: must be an http(s) web address',
    ],
    [
      'a single-choice question with two correct options',
      (course: any) => {
        course.questions[0].type = QuestionType.SINGLE_CHOICE;
        course.questions[0].options.forEach((o: any) => (o.correct = true));
      },
      'questions[0].options: a single-choice question needs exactly one correct option',
    ],
    [
      'fewer questions than an attempt draws',
      (course: any) => (course.quiz.questionsPerAttempt = 99),
      'quiz.questionsPerAttempt: the quiz draws 99 questions per attempt but the bank has',
    ],
    ['an unknown question type', (course: any) => (course.questions[2].type = 'ESSAY'), 'questions[2].type: must be one of'],
  ])('%s', async (_case, change, expected) => {
    const problems = await problemsOf(curriculumWith(change));
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
    for (const problem of problems) expect(problem).toMatch(/courses\/lp-basics\.yaml: /);
  });

  it('reports every problem of every file in one go', async () => {
    const problems = await problemsOf(
      curriculumWith((course) => {
        delete course.summary;
        course.estimatedMinutes = 0;
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/lp-basics\.yaml: summary: is required/),
      expect.stringMatching(/lp-basics\.yaml: estimatedMinutes: must be a whole number from 1 to 1000/),
    ]);
  });

  it('refuses two files with the same course code', async () => {
    const problems = await problemsOf(curriculumWith((course) => (course.code = 'lp-basics'), 'lp-theft-prevention.yaml'));
    expect(problems).toEqual([
      expect.stringMatching(/lp-theft-prevention\.yaml: code: lp-basics is also the code of .*lp-basics\.yaml$/),
    ]);
  });

  it('refuses a programme naming a course no file defines', async () => {
    const directory = curriculumWith(() => undefined);
    const programmes = parse(readFileSync(join(directory, 'programs.yaml'), 'utf8'));
    programmes.programs[0].refresherCourseCode = 'LP-NOPE';
    writeFileSync(join(directory, 'programs.yaml'), stringify(programmes));
    expect(await problemsOf(directory)).toEqual([
      expect.stringMatching(/programs\.yaml: programs\[0\]\.refresherCourseCode: no course file has the code LP-NOPE$/),
    ]);
  });

  it('refuses a programme reminding 0 days ahead, which the reminder planner would not send', async () => {
    const directory = curriculumWith(() => undefined);
    const programmes = parse(readFileSync(join(directory, 'programs.yaml'), 'utf8'));
    programmes.programs[0].reminderOffsetsDays = [7, 0];
    writeFileSync(join(directory, 'programs.yaml'), stringify(programmes));
    expect(await problemsOf(directory)).toEqual([
      expect.stringMatching(/programs\.yaml: programs\[0\]\.reminderOffsetsDays\[1\]: must be a whole number from 1 to 365$/),
    ]);
  });

  it('refuses a programme code that cannot prefix certificate numbers', async () => {
    const directory = curriculumWith(() => undefined);
    const programmes = parse(readFileSync(join(directory, 'programs.yaml'), 'utf8'));
    programmes.programs[0].code = 'LP-OFFICER-ADV';
    writeFileSync(join(directory, 'programs.yaml'), stringify(programmes));
    expect(await problemsOf(directory)).toEqual([expect.stringMatching(/programs\.yaml: programs\[0\]\.code: .*2-12 capitals/)]);
  });

  it('refuses text that is not YAML', async () => {
    const directory = curriculumWith(() => undefined);
    writeFileSync(join(directory, 'courses', 'lp-basics.yaml'), 'code: [unclosed');
    expect(await problemsOf(directory)).toEqual([expect.stringMatching(/lp-basics\.yaml: not valid YAML/)]);
  });
});
