import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import { CONTENT_LIMITS, COURSE_CODE_PATTERN, isMediaUrl } from '../content-limits';
import { canonicalContent, type CourseContent, type CourseDetails } from '../course-content';
import { QuestionType } from '../entities/question-type';
import { publishProblems } from '../rules/publish-rules';
import { FileProblems, YamlFields } from './yaml-fields';

/** One course of the built-in curriculum, as read from its file. */
export interface CurriculumCourse {
  file: string;
  details: CourseDetails;
  content: CourseContent;
  /** Changes exactly when what the file says changes (not its comments or layout). */
  fingerprint: string;
}

const L = CONTENT_LIMITS;

function readContent(root: YamlFields): CourseContent {
  const quiz = root.object('quiz').only('passingScorePercent', 'maxAttempts', 'timeLimitMinutes', 'questionsPerAttempt', 'shuffle');
  return {
    lessons: root.list('lessons', 1, L.maxLessonsPerVersion).map((lesson) => {
      lesson.only('title', 'body', 'mediaUrl');
      return {
        title: lesson.text('title', L.titleLength),
        body: lesson.text('body', L.lessonBodyLength),
        mediaUrl: lesson.optionalText('mediaUrl', L.mediaUrlLength, {
          test: isMediaUrl,
          description: 'an http(s) web address',
        }),
      };
    }),
    questions: root.list('questions', 1, L.maxQuestionsPerVersion).map((question) => {
      question.only('type', 'prompt', 'explanation', 'options');
      return {
        type: question.oneOf('type', Object.values(QuestionType)),
        prompt: question.text('prompt', L.promptLength),
        explanation: question.text('explanation', L.explanationLength),
        options: question.list('options', 2, L.maxOptionsPerQuestion).map((option) => {
          option.only('text', 'correct');
          return { text: option.text('text', L.optionTextLength), correct: option.boolean('correct') };
        }),
      };
    }),
    quiz: {
      passingScorePercent: quiz.integer('passingScorePercent', 1, 100),
      maxAttempts: quiz.integer('maxAttempts', 1, L.maxAttempts),
      timeLimitMinutes: quiz.optionalInteger('timeLimitMinutes', 1, L.maxTimeLimitMinutes),
      questionsPerAttempt: quiz.integer('questionsPerAttempt', 1, L.maxQuestionsPerAttempt),
      shuffle: quiz.boolean('shuffle'),
    },
  };
}

/**
 * Reads and checks one course file: its shape, the same size limits as the API, and the same
 * publishing rules, so a file that loads is a course that can be published. Returns the
 * problems (each naming the file and field) when there are any.
 */
export function parseCourseFile(file: string, text: string): CurriculumCourse | FileProblems {
  const problems = new FileProblems(file);
  const document = parseDocument(text);
  for (const error of document.errors) problems.add('', `not valid YAML: ${error.message}`);
  if (problems.lines.length > 0) return problems;

  const root = YamlFields.of(document.toJS(), '', problems).only(
    'code',
    'title',
    'summary',
    'category',
    'estimatedMinutes',
    'lessons',
    'quiz',
    'questions',
  );
  const details: CourseDetails = {
    code: root.text('code', L.codeLength, {
      regex: COURSE_CODE_PATTERN,
      description: 'letters, digits, _ or - (e.g. LP-BASICS)',
    }),
    title: root.text('title', L.titleLength),
    summary: root.text('summary', L.summaryLength),
    category: root.text('category', L.categoryLength),
    estimatedMinutes: root.integer('estimatedMinutes', 1, L.maxEstimatedMinutes),
  };
  const content = readContent(root);
  if (problems.lines.length > 0) return problems;
  for (const problem of publishProblems(content)) root.problem(problem.path, problem.message);
  if (problems.lines.length > 0) return problems;

  const fingerprint = createHash('sha256')
    .update(JSON.stringify([details.code, details.title, details.summary, details.category, details.estimatedMinutes]))
    .update(canonicalContent(content))
    .digest('hex');
  return { file, details, content, fingerprint };
}
