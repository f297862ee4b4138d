import type { CourseContent, QuestionContent } from '../course-content';
import { QuestionType } from '../entities/question-type';

/** One reason a version cannot be published, with where it is (e.g. `questions[3].options`). */
export interface ContentProblem {
  path: string;
  message: string;
}

function questionProblems(question: QuestionContent, path: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const correct = question.options.filter((o) => o.correct).length;
  const options = question.options.length;
  const problem = (message: string) => problems.push({ path: `${path}.options`, message });

  if (question.type === QuestionType.TRUE_FALSE && options !== 2) {
    problem(`a true/false question needs exactly 2 options; it has ${options}`);
  } else if (options < 2) {
    problem(`a question needs at least 2 options; it has ${options}`);
  }
  if (correct === 0) {
    problem('no option is marked correct');
  } else if (question.type !== QuestionType.MULTIPLE_CHOICE && correct !== 1) {
    const kind = question.type === QuestionType.TRUE_FALSE ? 'true/false' : 'single-choice';
    problem(`a ${kind} question needs exactly one correct option; it has ${correct}`);
  } else if (options >= 2 && correct === options) {
    problem('every option is marked correct, so ticking every box answers it; mark at least one option wrong');
  }
  const texts = question.options.map((o) => o.text.trim().toLowerCase());
  if (new Set(texts).size !== texts.length) problem('two options have the same text');
  return problems;
}

/**
 * Everything that stops a version from being published. The API's publishCourse and the
 * curriculum loader apply the same rules, so a file that loads is a course that publishes.
 */
export function publishProblems(content: CourseContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (content.lessons.length === 0) {
    problems.push({ path: 'lessons', message: 'a course needs at least one lesson' });
  }
  if (content.questions.length < content.quiz.questionsPerAttempt) {
    problems.push({
      path: 'quiz.questionsPerAttempt',
      message: `the quiz draws ${content.quiz.questionsPerAttempt} questions per attempt but the bank has ${content.questions.length}`,
    });
  }
  content.questions.forEach((question, index) => problems.push(...questionProblems(question, `questions[${index}]`)));
  return problems;
}
