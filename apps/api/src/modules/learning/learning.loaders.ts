import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  type AssignmentProgress,
  CourseCatalog,
  type CourseEntity,
  type CourseVersionEntity,
  LearnerProgress,
  type LessonEntity,
  type QuestionEntity,
  type QuestionOptionEntity,
} from '@lp/learning';
import { type GraphqlContext, perRequest } from '../../graphql/graphql-context';

function byId<T extends { id: number }>(load: (ids: readonly number[]) => Promise<T[]>) {
  return async (ids: readonly number[]): Promise<(T | Error)[]> => {
    const rows = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? new Error(`${id} not found`));
  };
}

function groupedBy<T>(load: (ids: readonly number[]) => Promise<T[]>, key: (row: T) => number) {
  return async (ids: readonly number[]): Promise<T[][]> => {
    const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
    for (const row of await load(ids)) groups.get(key(row))?.push(row);
    return ids.map((id) => groups.get(id)!);
  };
}

/** Per-request DataLoaders for courses and learning records: one query per kind per request. */
@Injectable()
export class LearningLoaders {
  constructor(
    private readonly catalog: CourseCatalog,
    private readonly learnerProgress: LearnerProgress,
  ) {}

  course(context: GraphqlContext): DataLoader<number, CourseEntity> {
    return perRequest(context, 'course', () => new DataLoader(byId((ids) => this.catalog.coursesByIds(ids))));
  }

  version(context: GraphqlContext): DataLoader<number, CourseVersionEntity> {
    return perRequest(context, 'courseVersion', () => new DataLoader(byId((ids) => this.catalog.versionsByIds(ids))));
  }

  lessonsOfVersion(context: GraphqlContext): DataLoader<number, LessonEntity[]> {
    return perRequest(
      context,
      'lessonsOfVersion',
      () =>
        new DataLoader(
          groupedBy(
            (ids) => this.catalog.lessonsOfVersions(ids),
            (l) => l.courseVersionId,
          ),
        ),
    );
  }

  questionsOfVersion(context: GraphqlContext): DataLoader<number, QuestionEntity[]> {
    return perRequest(
      context,
      'questionsOfVersion',
      () =>
        new DataLoader(
          groupedBy(
            (ids) => this.catalog.questionsOfVersions(ids),
            (q) => q.courseVersionId,
          ),
        ),
    );
  }

  optionsOfQuestion(context: GraphqlContext): DataLoader<number, QuestionOptionEntity[]> {
    return perRequest(
      context,
      'optionsOfQuestion',
      () =>
        new DataLoader(
          groupedBy(
            (ids) => this.catalog.optionsOfQuestions(ids),
            (o) => o.questionId,
          ),
        ),
    );
  }

  progress(context: GraphqlContext): DataLoader<number, AssignmentProgress> {
    return perRequest(
      context,
      'assignmentProgress',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const found = await this.learnerProgress.ofAssignments(ids);
          return ids.map((id) => found.get(id) ?? { percent: 0, completedLessonIds: [] });
        }),
    );
  }

  /** Progress alone, which lists prime from the query that found the assignments. */
  progressPercent(context: GraphqlContext): DataLoader<number, number> {
    return perRequest(
      context,
      'assignmentProgressPercent',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const progress = await this.progress(context).loadMany(ids);
          return progress.map((p) => (p instanceof Error ? p : p.percent));
        }),
    );
  }
}
