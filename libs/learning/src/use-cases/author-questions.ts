import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BadInputError } from '@lp/core';
import { CONTENT_LIMITS } from '../content-limits';
import { givenFields, type OptionContent, type QuestionContent } from '../course-content';
import { type CourseVersionEntity, QuestionEntity, QuestionOptionEntity } from '../entities';
import { CourseDrafts } from '../services/course-drafts';

/**
 * The question bank of a course's draft. A draft question may be incomplete (no correct
 * option yet); publishing is where the bank must be sound.
 */
@Injectable()
export class QuestionAuthoring {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: CourseDrafts,
  ) {}

  async add(courseId: number, question: QuestionContent): Promise<QuestionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { draft } = await this.drafts.edit(manager, courseId);
      const position = await this.drafts.nextPosition(manager, QuestionEntity, draft.id);
      if (position > CONTENT_LIMITS.maxQuestionsPerVersion) {
        throw new BadInputError(
          `courseId: a question bank holds at most ${CONTENT_LIMITS.maxQuestionsPerVersion} questions`,
          'courseId',
        );
      }
      const { options, ...fields } = question;
      const saved = await manager.save(
        manager.create(QuestionEntity, { ...fields, courseVersionId: draft.id, position }),
      );
      await this.insertOptions(manager, saved.id, options);
      return saved;
    });
  }

  /** Changes a draft question; `options`, when given, replace the old ones entirely. */
  async update(questionId: number, changes: Partial<QuestionContent>): Promise<QuestionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { row } = await this.drafts.editableRow<QuestionEntity>(manager, QuestionEntity, questionId, 'questionId');
      const { options, ...fields } = givenFields(changes);
      Object.assign(row, fields);
      if (Object.keys(fields).length > 0) await manager.update(QuestionEntity, { id: row.id }, fields);
      if (options !== undefined) {
        await manager.delete(QuestionOptionEntity, { questionId: row.id });
        await this.insertOptions(manager, row.id, options);
      }
      return row;
    });
  }

  async remove(questionId: number): Promise<CourseVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { draft, row } = await this.drafts.editableRow<QuestionEntity>(
        manager,
        QuestionEntity,
        questionId,
        'questionId',
      );
      await manager.delete(QuestionEntity, { id: row.id });
      await this.drafts.closeGap(manager, QuestionEntity, draft.id, row.position);
      return draft;
    });
  }

  private async insertOptions(manager: EntityManager, questionId: number, options: OptionContent[]): Promise<void> {
    if (options.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(QuestionOptionEntity)
      .values(options.map((o, index) => ({ questionId, position: index + 1, text: o.text, correct: o.correct })))
      .updateEntity(false)
      .execute();
  }
}
