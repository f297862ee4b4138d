import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  type AudienceRule,
  type CertificationProgramEntity,
  CertificationQueries,
  type EarnedCourse,
} from '@lp/certification';
import { type GraphqlContext, perRequest } from '../../graphql/graphql-context';

@Injectable()
export class CertificationLoaders {
  constructor(private readonly queries: CertificationQueries) {}

  program(context: GraphqlContext): DataLoader<number, CertificationProgramEntity> {
    return perRequest(
      context,
      'certificationProgram',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const rows = new Map((await this.queries.programsByIds(ids)).map((p) => [p.id, p]));
          return ids.map((id) => rows.get(id) ?? new Error(`Programme ${id} not found`));
        }),
    );
  }

  requiredCourseIds(context: GraphqlContext): DataLoader<number, number[]> {
    return perRequest(
      context,
      'certificationProgramCourseIds',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const byProgram = await this.queries.requiredCourseIds(ids);
          return ids.map((id) => byProgram.get(id) ?? []);
        }),
    );
  }

  audience(context: GraphqlContext): DataLoader<number, AudienceRule[]> {
    return perRequest(
      context,
      'certificationProgramAudience',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const byProgram = await this.queries.audienceRules(ids);
          return ids.map((id) => byProgram.get(id) ?? []);
        }),
    );
  }

  earnedOn(context: GraphqlContext): DataLoader<number, EarnedCourse[]> {
    return perRequest(
      context,
      'certificationEarnedOn',
      () =>
        new DataLoader(async (ids: readonly number[]) => {
          const byCertification = await this.queries.earnedOn(ids);
          return ids.map((id) => byCertification.get(id) ?? []);
        }),
    );
  }
}
