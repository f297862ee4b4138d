import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { OrderedPage, PageRequest } from '@lp/core';
import type { AccessScope } from '@lp/organisation';
import {
  type CoursePassedRow,
  type MissingPersonKey,
  missingPersonKey,
  MissingPeopleQuery,
  type MissingPersonRow,
  type StoreProgramKey,
  storeProgramKey,
} from '@lp/reporting';
import { type GraphqlContext, perRequest } from '../../graphql/graphql-context';

/**
 * Batches `missingEmployees` over every programme row of a response (all the stores of a
 * complianceByStore page) into one read per page request.
 */
@Injectable()
export class MissingEmployeesLoader {
  constructor(private readonly query: MissingPeopleQuery) {}

  load(
    context: GraphqlContext,
    scope: AccessScope,
    key: StoreProgramKey,
    request: PageRequest,
  ): Promise<OrderedPage<MissingPersonRow>> {
    const loader = perRequest(
      context,
      `missingEmployees:${request.first}:${JSON.stringify(request.afterPlace ?? request.afterId ?? null)}`,
      () =>
        new DataLoader<StoreProgramKey, OrderedPage<MissingPersonRow>, string>(
          async (keys) => {
            const pages = await this.query.pages(scope, keys, request);
            return keys.map((k) => pages.get(storeProgramKey(k))!);
          },
          { cacheKeyFn: storeProgramKey },
        ),
    );
    return loader.load(key);
  }

  /** Batches the edges' `coursesPassed` of a response into one read. */
  coursesPassed(context: GraphqlContext, key: MissingPersonKey): Promise<CoursePassedRow[]> {
    const loader = perRequest(
      context,
      'missingEmployees.coursesPassed',
      () =>
        new DataLoader<MissingPersonKey, CoursePassedRow[], string>(
          async (keys) => {
            const passed = await this.query.coursesPassed(keys);
            return keys.map((k) => passed.get(missingPersonKey(k))!);
          },
          { cacheKeyFn: missingPersonKey },
        ),
    );
    return loader.load(key);
  }
}
