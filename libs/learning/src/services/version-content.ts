import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CourseContent, QuizContent } from '../course-content';
import { CourseVersionEntity, LessonEntity, QuestionEntity, QuestionOptionEntity } from '../entities';

/**
 * Reads and writes the whole content of a version set-wise (a few statements whatever its
 * size): used to load curriculum files, to copy a published version into a new draft, and
 * to check a draft before it is published.
 */
@Injectable()
export class VersionContent {
  async read(manager: EntityManager, versionId: number): Promise<CourseContent> {
    const version = await manager.findOneByOrFail(CourseVersionEntity, { id: versionId });
    const lessons = await manager.find(LessonEntity, {
      where: { courseVersionId: versionId },
      order: { position: 'ASC' },
    });
    const questions = await manager.find(QuestionEntity, {
      where: { courseVersionId: versionId },
      order: { position: 'ASC' },
    });
    const options = await manager
      .createQueryBuilder(QuestionOptionEntity, 'o')
      .innerJoin(QuestionEntity, 'q', 'q.id = o.question_id')
      .where('q.course_version_id = :versionId', { versionId })
      .orderBy('o.question_id')
      .addOrderBy('o.position')
      .getMany();
    const optionsOf = new Map<number, QuestionOptionEntity[]>();
    for (const o of options) optionsOf.set(o.questionId, [...(optionsOf.get(o.questionId) ?? []), o]);
    return {
      lessons: lessons.map((l) => ({ title: l.title, body: l.body, mediaUrl: l.mediaUrl })),
      questions: questions.map((q) => ({
        type: q.type,
        prompt: q.prompt,
        explanation: q.explanation,
        options: (optionsOf.get(q.id) ?? []).map((o) => ({ text: o.text, correct: o.correct })),
      })),
      quiz: { ...version.quiz },
    };
  }

  /** Replaces a draft's lessons, questions and quiz settings with `content`. */
  async replace(manager: EntityManager, versionId: number, content: CourseContent): Promise<void> {
    await manager.delete(LessonEntity, { courseVersionId: versionId });
    await manager.delete(QuestionEntity, { courseVersionId: versionId });
    await this.setQuiz(manager, versionId, content.quiz);
    if (content.lessons.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(LessonEntity)
        .values(
          content.lessons.map((lesson, index) => ({ ...lesson, courseVersionId: versionId, position: index + 1 })),
        )
        .updateEntity(false)
        .execute();
    }
    if (content.questions.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(QuestionEntity)
      .values(
        content.questions.map((q, index) => ({
          courseVersionId: versionId,
          position: index + 1,
          type: q.type,
          prompt: q.prompt,
          explanation: q.explanation,
        })),
      )
      .updateEntity(false)
      .execute();
    const inserted = await manager.find(QuestionEntity, {
      select: { id: true, position: true },
      where: { courseVersionId: versionId },
    });
    const idAt = new Map(inserted.map((q) => [q.position, q.id]));
    const options = content.questions.flatMap((q, index) =>
      q.options.map((o, optionIndex) => ({
        questionId: idAt.get(index + 1)!,
        position: optionIndex + 1,
        text: o.text,
        correct: o.correct,
      })),
    );
    if (options.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(QuestionOptionEntity)
        .values(options)
        .updateEntity(false)
        .execute();
    }
  }

  /** Copies a version's content into an empty draft, keeping positions (which map one to the other). */
  async copy(manager: EntityManager, fromVersionId: number, toVersionId: number): Promise<void> {
    const from = await manager.findOneByOrFail(CourseVersionEntity, { id: fromVersionId });
    await this.setQuiz(manager, toVersionId, from.quiz);
    await manager.query(
      `INSERT INTO lessons (course_version_id, position, title, body, media_url)
       SELECT ?, position, title, body, media_url FROM lessons WHERE course_version_id = ?`,
      [toVersionId, fromVersionId],
    );
    await manager.query(
      `INSERT INTO questions (course_version_id, position, type, prompt, explanation)
       SELECT ?, position, type, prompt, explanation FROM questions WHERE course_version_id = ?`,
      [toVersionId, fromVersionId],
    );
    await manager.query(
      `INSERT INTO question_options (question_id, position, text, correct)
       SELECT copy.id, o.position, o.text, o.correct
         FROM question_options o
         JOIN questions original ON original.id = o.question_id
         JOIN questions copy ON copy.course_version_id = ? AND copy.position = original.position
        WHERE original.course_version_id = ?`,
      [toVersionId, fromVersionId],
    );
  }

  async setQuiz(manager: EntityManager, versionId: number, quiz: QuizContent): Promise<void> {
    await manager.update(CourseVersionEntity, { id: versionId }, { quiz: { ...quiz } });
  }
}
