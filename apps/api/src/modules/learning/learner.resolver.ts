import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '@lp/core';
import type { Actor } from '@lp/identity';
import {
  CompleteLesson,
  ReadQuizResult,
  secondsLeft,
  type StartedAttempt,
  StartQuizAttempt,
  SubmitQuizAttempt,
} from '@lp/learning';
import type { GraphqlContext } from '../../graphql/graphql-context';
import { ParseIdPipe } from '../../graphql/id';
import { AssignmentObject } from '../assignments/assignment.object';
import { CurrentActor } from '../identity/current-actor.decorator';
import { CourseVersionObject } from './course-version.object';
import { SubmitQuizAttemptArgs } from './dto/submit-quiz-attempt.args';
import { LearningLoaders } from './learning.loaders';
import { QuizAttemptObject } from './quiz-attempt.object';
import { QuizResultObject } from './quiz-result.object';

function toAttemptObject({ attempt, questions, attemptsRemaining }: StartedAttempt): QuizAttemptObject {
  return { ...attempt, questions, attemptsRemaining };
}

/** The signed-in employee learning on their own assignments; anyone else's are NOT_FOUND. */
@Resolver(() => QuizAttemptObject)
export class LearnerResolver {
  constructor(
    private readonly completeLessons: CompleteLesson,
    private readonly startAttempts: StartQuizAttempt,
    private readonly submitAttempts: SubmitQuizAttempt,
    private readonly results: ReadQuizResult,
    private readonly loaders: LearningLoaders,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => AssignmentObject, {
    description: 'Records a finished lesson (idempotent); the first one moves the assignment to IN_PROGRESS',
  })
  completeLesson(
    @Args('assignmentId', { type: () => ID }, new ParseIdPipe('assignmentId')) assignmentId: number,
    @Args('lessonId', { type: () => ID }, new ParseIdPipe('lessonId')) lessonId: number,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentObject> {
    return this.completeLessons.complete(actor.id, assignmentId, lessonId);
  }

  @Mutation(() => QuizAttemptObject, {
    description:
      'Draws the questions of a new attempt (or returns the one in progress); every lesson must be completed first',
  })
  async startQuizAttempt(
    @Args('assignmentId', { type: () => ID }, new ParseIdPipe('assignmentId')) assignmentId: number,
    @CurrentActor() actor: Actor,
  ): Promise<QuizAttemptObject> {
    return toAttemptObject(await this.startAttempts.start(actor.id, assignmentId));
  }

  @Mutation(() => QuizResultObject, { description: 'Grades the attempt, once; passing completes the assignment' })
  submitQuizAttempt(@Args() { attemptId, answers }: SubmitQuizAttemptArgs, @CurrentActor() actor: Actor) {
    return this.submitAttempts.submit(actor.id, attemptId, answers);
  }

  @Query(() => QuizResultObject, {
    description:
      "A graded attempt's result again, for its learner (as after a submit whose answer was lost); the assignment and attempts left as they stand now. CONFLICT before submission",
  })
  quizAttemptResult(
    @Args('attemptId', { type: () => ID }, new ParseIdPipe('attemptId')) attemptId: number,
    @CurrentActor() actor: Actor,
  ) {
    return this.results.read(actor.id, attemptId);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      "Seconds left before the time limit, by the server's clock as it answers; null without a limit. A timer counts down from this rather than to expiresAt, which a device whose clock is off would misread",
  })
  secondsRemaining(@Parent() attempt: QuizAttemptObject): number | null {
    return secondsLeft(attempt.expiresAt, this.clock.now());
  }

  @ResolveField(() => CourseVersionObject, { description: 'The course version this attempt was taken on' })
  courseVersion(
    @Parent() attempt: QuizAttemptObject,
    @Context() context: GraphqlContext,
  ): Promise<CourseVersionObject> {
    return this.loaders.version(context).load(attempt.courseVersionId);
  }
}
