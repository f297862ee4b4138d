import { join } from 'node:path';
import { QuestionType } from '../entities/question-type';
import type { CurriculumCourse } from './course-file';
import { loadCurriculum } from './curriculum';

const SHIPPED = join(__dirname, '..', '..', '..', '..', 'curriculum');

/** Abbreviations the courses use, with the words they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  LP: 'loss prevention',
  CCTV: 'closed-circuit television',
  EAS: 'electronic article surveillance',
  POS: 'point of sale',
  ORC: 'organised retail crime',
  RFID: 'radio-frequency identification',
  PTZ: 'pan-tilt-zoom',
};

/** One name for each thing across all courses: the name used, and the other names that must not appear. */
const ONE_NAME_EACH: { use: string; not: RegExp }[] = [
  { use: 'register', not: /\btills?\b/i },
  { use: 'keeper box', not: /\bsafer box/i },
  { use: 'one-item-out display', not: /\bfacings\b/i },
  { use: 'cart', not: /\btrolley/i },
  { use: 'pushchair', not: /\bpram\b/i },
  { use: 'baby formula', not: /\binfant formula/i },
  { use: 'vendor fraud', not: /\bsupplier fraud/i },
  { use: 'ethics hotline', not: /\b(confidential|anonymous|reporting) hotline/i },
  { use: 'sales floor', not: /\bshop floor/i },
  { use: 'full inventory count', not: /\bstock ?take/i },
  { use: 'organised, rationalisation (British spelling throughout)', not: /\b(organiz|rationaliz)/i },
];

let courses: CurriculumCourse[];
beforeAll(async () => {
  courses = (await loadCurriculum(SHIPPED)).courses;
});

/** The text a learner reads in a course, in the order they meet it (lesson titles are headings, left out). */
function readingOrder(course: CurriculumCourse): string {
  const { lessons, questions } = course.content;
  return [
    ...lessons.map((l) => l.body),
    ...questions.flatMap((q) => [q.prompt, ...q.options.map((o) => o.text), q.explanation]),
  ].join('\n');
}

describe('the shipped curriculum, as a learner reads it', () => {
  it('does not give answers away by length: always picking the longest, or the shortest, option gets at most a third right', () => {
    const giveaways: string[] = [];
    for (const course of courses) {
      const singles = course.content.questions.filter((q) => q.type === QuestionType.SINGLE_CHOICE);
      for (const pick of [Math.max, Math.min]) {
        const rightByLength = singles.filter((q) => {
          const lengths = q.options.map((o) => o.text.length);
          const picked = pick(...lengths);
          return lengths.filter((l) => l === picked).length === 1 && q.options.find((o) => o.correct)!.text.length === picked;
        });
        if (rightByLength.length * 3 > singles.length) {
          giveaways.push(`${course.details.code}: the ${pick.name === 'max' ? 'longest' : 'shortest'} option is right in ${rightByLength.length} of ${singles.length}`);
        }
      }
    }
    expect(giveaways).toEqual([]);
  });

  it('does not give answers away by count: multiple-choice questions do not all have the same number of right options', () => {
    const sameCount = courses
      .map((course) => ({
        code: course.details.code,
        counts: course.content.questions
          .filter((q) => q.type === QuestionType.MULTIPLE_CHOICE)
          .map((q) => q.options.filter((o) => o.correct).length),
      }))
      .filter(({ counts }) => new Set(counts).size === 1)
      .map(({ code, counts }) => `${code}: every one has ${counts[0]}`);
    expect(sameCount).toEqual([]);
  });

  it('spells out every abbreviation the first time a course uses it', () => {
    const undefinedAtFirstUse: string[] = [];
    for (const course of courses) {
      const text = readingOrder(course);
      for (const [short, words] of Object.entries(ABBREVIATIONS)) {
        const firstUse = text.search(new RegExp(`\\b${short}\\b`));
        if (firstUse < 0) continue;
        const definition = new RegExp(`${words.replace(/[- ]/g, '[- ]')} \\(${short}\\)`, 'i');
        const defined = text.slice(0, firstUse + short.length + 1).search(definition);
        if (defined < 0) undefinedAtFirstUse.push(`${course.details.code}: ${short}`);
      }
    }
    expect(undefinedAtFirstUse).toEqual([]);
  });

  it('calls each thing by one name in every course', () => {
    const otherNames: string[] = [];
    for (const course of courses) {
      const text = [...course.content.lessons.map((l) => l.title), readingOrder(course)].join('\n');
      for (const { use, not } of ONE_NAME_EACH) {
        const found = text.match(not);
        if (found) otherNames.push(`${course.details.code}: "${found[0]}" (use ${use})`);
      }
    }
    expect(otherNames).toEqual([]);
  });

  it('asks multiple-choice questions without "select all that apply", which the quiz page already says', () => {
    const prompts = courses.flatMap((c) => c.content.questions.map((q) => q.prompt)).filter((p) => /select all/i.test(p));
    expect(prompts).toEqual([]);
  });
});
