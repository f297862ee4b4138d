import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReadStream } from 'typeorm/platform/PlatformTools';
import { DataSource, type ObjectLiteral, type QueryRunner, type SelectQueryBuilder } from 'typeorm';

/**
 * Runs report reads on the read replica when DATABASE_REPLICA_URL is set ('slave' query
 * runners), on the primary otherwise. SQL is written with named parameters (`:now`,
 * `:...ids`) and expanded by the driver, as the QueryBuilder does.
 */
@Injectable()
export class ReportReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rows<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
      return (await runner.query(query, values)) as T[];
    } finally {
      await runner.release();
    }
  }

  /** A new query builder for report SQL that is to be streamed. */
  select(): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource.createQueryBuilder();
  }

  /** Streams the rows of named-parameter SQL. */
  stream(sql: string, params: Record<string, unknown>): Promise<ReadStream> {
    return this.streamExpanded(...this.dataSource.driver.escapeQueryWithParameters(sql, params));
  }

  streamQuery(query: SelectQueryBuilder<ObjectLiteral>): Promise<ReadStream> {
    return this.streamExpanded(...query.getQueryAndParameters());
  }

  /** A row stream from the replica; the runner is released when the stream ends, fails or is closed. */
  private async streamExpanded(query: string, values: unknown[]): Promise<ReadStream> {
    const runner: QueryRunner = this.dataSource.createQueryRunner('slave');
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void runner.release();
    };
    try {
      const stream = await runner.stream(query, values, release, release);
      stream.once('close', release);
      return stream;
    } catch (error) {
      release();
      throw error;
    }
  }
}
