import { Args, ArgsType, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize } from 'class-validator';
import type { Actor } from '@lp/identity';
import { CONTENT_LIMITS, CourseAuthoring, LessonAuthoring, PublishCourse, QuestionAuthoring } from '@lp/learning';
import { Role } from '@lp/organisation';
import { IdListField, ParseIdPipe } from '../../graphql/id';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { CourseVersionObject, QuizObject } from './course-version.object';
import { CourseObject } from './course.object';
import { CreateCourseInput, UpdateCourseInput } from './dto/course.input';
import { LessonInput, UpdateLessonInput } from './dto/lesson.input';
import { QuestionInput, UpdateQuestionInput } from './dto/question.input';
import { QuizInput } from './dto/quiz.input';
import { LessonObject } from './lesson.object';
import { QuestionObject } from './question.object';

@ArgsType()
class ReorderLessonsArgs {
  @IdListField()
  @ArrayMaxSize(CONTENT_LIMITS.maxLessonsPerVersion)
  lessonIds!: number[];
}

const CourseIdArg = () => Args('courseId', { type: () => ID }, new ParseIdPipe('courseId'));

/**
 * Authoring (ADMIN). Changes go to the course's draft, opened as a copy of the current
 * version when needed; ids of the current version's lessons and questions may be used while
 * no draft exists. publishCourse makes the draft the new current version.
 */
@Resolver()
@Roles(Role.ADMIN)
export class CourseAuthoringResolver {
  constructor(
    private readonly courses: CourseAuthoring,
    private readonly lessons: LessonAuthoring,
    private readonly questions: QuestionAuthoring,
    private readonly publisher: PublishCourse,
  ) {}

  @Mutation(() => CourseObject, { description: 'A new course with an empty draft (version 1)' })
  createCourse(@Args('input') input: CreateCourseInput, @CurrentActor() actor: Actor): Promise<CourseObject> {
    return this.courses.create(input, actor.id);
  }

  @Mutation(() => CourseObject, { description: 'Catalogue details; they change in place, not per version' })
  updateCourse(
    @CourseIdArg() id: number,
    @Args('input') input: UpdateCourseInput,
    @CurrentActor() actor: Actor,
  ): Promise<CourseObject> {
    return this.courses.updateDetails(id, input, actor.id);
  }

  @Mutation(() => CourseVersionObject, {
    description: "The course's draft, opened as a copy of the current version when there is none",
  })
  createCourseDraft(@CourseIdArg() id: number): Promise<CourseVersionObject> {
    return this.courses.openDraft(id);
  }

  @Mutation(() => CourseObject, {
    description: "Throws the course's draft away; the published version stays as it is. BAD_USER_INPUT without a draft",
  })
  discardCourseDraft(@CourseIdArg() id: number, @CurrentActor() actor: Actor): Promise<CourseObject> {
    return this.courses.discardDraft(id, actor.id);
  }

  @Mutation(() => LessonObject, { description: "Appends a lesson to the course's draft" })
  addLesson(@CourseIdArg() id: number, @Args('input') input: LessonInput): Promise<LessonObject> {
    return this.lessons.add(id, { title: input.title, body: input.body, mediaUrl: input.mediaUrl ?? null });
  }

  @Mutation(() => LessonObject)
  updateLesson(
    @Args('lessonId', { type: () => ID }, new ParseIdPipe('lessonId')) lessonId: number,
    @Args('input') input: UpdateLessonInput,
  ): Promise<LessonObject> {
    return this.lessons.update(lessonId, input);
  }

  @Mutation(() => CourseVersionObject, { description: 'Removes a lesson from the draft; returns the draft' })
  removeLesson(
    @Args('lessonId', { type: () => ID }, new ParseIdPipe('lessonId')) lessonId: number,
  ): Promise<CourseVersionObject> {
    return this.lessons.remove(lessonId);
  }

  @Mutation(() => CourseVersionObject, { description: 'lessonIds: every lesson of the draft, in the new order' })
  reorderLessons(@CourseIdArg() id: number, @Args() { lessonIds }: ReorderLessonsArgs): Promise<CourseVersionObject> {
    return this.lessons.reorder(id, lessonIds);
  }

  @Mutation(() => QuestionObject, { description: "Adds a question to the draft's bank" })
  addQuestion(@CourseIdArg() id: number, @Args('input') input: QuestionInput): Promise<QuestionObject> {
    return this.questions.add(id, input);
  }

  @Mutation(() => QuestionObject)
  updateQuestion(
    @Args('questionId', { type: () => ID }, new ParseIdPipe('questionId')) questionId: number,
    @Args('input') input: UpdateQuestionInput,
  ): Promise<QuestionObject> {
    return this.questions.update(questionId, input);
  }

  @Mutation(() => CourseVersionObject, { description: "Removes a question from the draft's bank; returns the draft" })
  removeQuestion(
    @Args('questionId', { type: () => ID }, new ParseIdPipe('questionId')) questionId: number,
  ): Promise<CourseVersionObject> {
    return this.questions.remove(questionId);
  }

  @Mutation(() => QuizObject, { description: "Changes the draft's quiz settings" })
  async configureQuiz(@CourseIdArg() id: number, @Args('input') input: QuizInput): Promise<QuizObject> {
    return (await this.courses.configureQuiz(id, input)).quiz;
  }

  @Mutation(() => CourseVersionObject, {
    description: 'Publishes the draft as the current version; BAD_USER_INPUT lists what stops it',
  })
  publishCourse(@CourseIdArg() id: number, @CurrentActor() actor: Actor): Promise<CourseVersionObject> {
    return this.publisher.publish(id, actor.id);
  }
}
