import { parseDocument } from 'yaml';
import { FileProblems, YamlFields } from './yaml-fields';

/**
 * A certification programme of the built-in curriculum (programs.yaml). Read and checked
 * here, with the courses it names; creating programmes from it is the certification
 * domain's job.
 */
export interface CurriculumProgramme {
  code: string;
  name: string;
  description: string;
  courseCodes: string[];
  refresherCourseCode: string;
  validityMonths: number;
  recertifyWindowDays: number;
  reminderOffsetsDays: number[];
  renewalBasis: string;
  requiredJobRoleCodes: string[];
}

export function parseProgrammesFile(
  file: string,
  text: string,
  /** Null to skip checking the course codes (when the course files themselves are broken). */
  courseCodes: ReadonlySet<string> | null,
): CurriculumProgramme[] | FileProblems {
  const problems = new FileProblems(file);
  const document = parseDocument(text);
  for (const error of document.errors) problems.add('', `not valid YAML: ${error.message}`);
  if (problems.lines.length > 0) return problems;

  const knownCourse = (code: string) => courseCodes?.has(code) ?? true;
  const programmes = YamlFields.of(document.toJS(), '', problems)
    .only('programs')
    .list('programs', 1, 50)
    .map((entry): CurriculumProgramme => {
      entry.only(
        'code',
        'name',
        'description',
        'courseCodes',
        'refresherCourseCode',
        'validityMonths',
        'recertifyWindowDays',
        'reminderOffsetsDays',
        'renewalBasis',
        'requiredJobRoleCodes',
      );
      const programme: CurriculumProgramme = {
        code: entry.text('code', 40, {
          regex: /^[A-Z][A-Z0-9]{1,11}$/,
          description: '2-12 capitals or digits, starting with a letter (the prefix of certificate numbers)',
        }),
        name: entry.text('name', 120),
        description: entry.text('description', 2000),
        courseCodes: entry.textList('courseCodes', 1, 20, 40),
        refresherCourseCode: entry.text('refresherCourseCode', 40),
        validityMonths: entry.integer('validityMonths', 1, 120),
        recertifyWindowDays: entry.integer('recertifyWindowDays', 1, 365),
        reminderOffsetsDays: entry.integerList('reminderOffsetsDays', 1, 365),
        renewalBasis: entry.text('renewalBasis', 40, { regex: /^[A-Z_]+$/, description: 'a basis in capitals' }),
        requiredJobRoleCodes: entry.textList('requiredJobRoleCodes', 0, 50, 40),
      };
      programme.courseCodes.forEach((code, index) => {
        if (code && !knownCourse(code)) entry.problem(`courseCodes[${index}]`, `no course file has the code ${code}`);
      });
      if (programme.refresherCourseCode && !knownCourse(programme.refresherCourseCode)) {
        entry.problem('refresherCourseCode', `no course file has the code ${programme.refresherCourseCode}`);
      }
      return programme;
    });
  return problems.lines.length > 0 ? problems : programmes;
}
