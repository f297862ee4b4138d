import type { INestApplication } from '@nestjs/common';
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
