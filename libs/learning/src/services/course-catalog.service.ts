import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { NotFoundError, type OrderedPage, type PageRequest, paginateInOrder } from '@lp/core';
import { CourseEntity, CourseVersionEntity, LessonEntity, QuestionEntity, QuestionOptionEntity } from '../entities';

export interface CourseFilter {
  category?: string | null;
  search?: string | null;
  published?: boolean | null;
}

/**
 * Reads of the course catalogue. `withUnpublished` (authors only) also shows courses that
 * were never published; everyone else sees courses with a current version.
 */
@Injectable()
export class CourseCatalog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: CourseFilter, page: PageRequest, withUnpublished: boolean): Promise<OrderedPage<CourseEntity>> {
    const query = this.dataSource.getRepository(CourseEntity).createQueryBuilder('c');
    if (!withUnpublished) query.andWhere('c.current_version_id IS NOT NULL');
    if (filter.published === true) query.andWhere('c.current_version_id IS NOT NULL');
    if (filter.published === false) query.andWhere('c.current_version_id IS NULL');
    if (filter.category !== undefined && filter.category !== null)
      query.andWhere('c.category = :category', { category: filter.category });
    const search = filter.search?.trim();
    if (search) {
      const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.andWhere(
        new Brackets((q) =>
          q.where('c.title LIKE :contains', { contains: `%${escaped}%` }).orWhere('c.code LIKE :prefix', {
            prefix: `${escaped}%`,
          }),
        ),
      );
    }
    return paginateInOrder(query, 'c.id', { properties: ['title'] }, page);
  }

  async get(id: number, withUnpublished: boolean): Promise<CourseEntity> {
    const course = await this.dataSource.getRepository(CourseEntity).findOneBy({ id });
    if (!course || (!withUnpublished && course.currentVersionId === null)) throw new NotFoundError('Course', id);
    return course;
  }

  coursesByIds(ids: readonly number[]): Promise<CourseEntity[]> {
    return this.dataSource.getRepository(CourseEntity).findBy({ id: In([...ids]) });
  }

  versionsByIds(ids: readonly number[]): Promise<CourseVersionEntity[]> {
    return this.dataSource.getRepository(CourseVersionEntity).findBy({ id: In([...ids]) });
  }

  lessonsOfVersions(versionIds: readonly number[]): Promise<LessonEntity[]> {
    return this.dataSource
      .getRepository(LessonEntity)
      .find({ where: { courseVersionId: In([...versionIds]) }, order: { position: 'ASC' } });
  }

  questionsOfVersions(versionIds: readonly number[]): Promise<QuestionEntity[]> {
    return this.dataSource
      .getRepository(QuestionEntity)
      .find({ where: { courseVersionId: In([...versionIds]) }, order: { position: 'ASC' } });
  }

  optionsOfQuestions(questionIds: readonly number[]): Promise<QuestionOptionEntity[]> {
    return this.dataSource
      .getRepository(QuestionOptionEntity)
      .find({ where: { questionId: In([...questionIds]) }, order: { position: 'ASC' } });
  }
}
