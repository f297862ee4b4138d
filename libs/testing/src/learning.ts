import type { INestApplication } from '@nestjs/common';
import type { BuiltCourse } from './factories/course.factory';
import { graphql } from './graphql-client';

const COMPLETE_LESSON = 'mutation ($a: ID!, $l: ID!) { completeLesson(assignmentId: $a, lessonId: $l) { id } }';

/** Reads every lesson of an assignment through the API, as its learner (`token`) would; fails on any error. */
export async function completeLessons(
  app: INestApplication,
  token: string,
  assignmentId: number | string,
  lessons: { id: number | string }[],
): Promise<void> {
  for (const lesson of lessons) {
    const read = await graphql(app, COMPLETE_LESSON, { a: String(assignmentId), l: String(lesson.id) }, token);
    if (read.errors) throw new Error(`completeLesson ${lesson.id}: ${read.errors[0].message}`);
  }
}

const START_QUIZ = 'mutation ($a: ID!) { startQuizAttempt(assignmentId: $a) { id questions { id } } }';
const SUBMIT_QUIZ = `mutation ($attempt: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attempt, answers: $answers) { passed certification { id } }
}`;

/**
 * Passes a factory-built course's assignment through the API as its learner (`token`) would:
 * every lesson, then the quiz answered right. Returns the certificate the pass issued, if any;
 * fails on any error or a failed quiz.
 */
export async function passCourse(
  app: INestApplication,
  token: string,
  assignmentId: number | string,
  built: BuiltCourse,
): Promise<{ id: string } | null> {
  await completeLessons(app, token, assignmentId, built.lessons);
  const started = await graphql(app, START_QUIZ, { a: String(assignmentId) }, token);
  if (started.errors) throw new Error(`startQuizAttempt ${assignmentId}: ${started.errors[0].message}`);
  const attempt = started.data!.startQuizAttempt as { id: string; questions: { id: string }[] };
  const answers = attempt.questions.map((question) => ({
    questionId: question.id,
    optionIds: [String(built.questions.find((q) => String(q.id) === question.id)!.rightOptionId)],
  }));
  const submitted = await graphql(app, SUBMIT_QUIZ, { attempt: attempt.id, answers }, token);
  if (submitted.errors) throw new Error(`submitQuizAttempt ${assignmentId}: ${submitted.errors[0].message}`);
  if (!submitted.data!.submitQuizAttempt.passed) throw new Error(`submitQuizAttempt ${assignmentId}: not passed`);
  return submitted.data!.submitQuizAttempt.certification as { id: string } | null;
}
