import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** A row of hand-written SQL: column aliases to the values the driver returned. */
export type RawRow = Record<string, unknown>;

/**
 * An entity read by hand-written SQL, for hot paths where TypeORM's query building and
 * hydration cost about as much CPU as the statement itself (bench/README.md). The columns
 * are the entity's own (from its metadata, so none can be forgotten), selected as
 * `<prefix><column>` so several tables can share a row; each value is converted as
 * TypeORM's reads convert it (booleans, JSON, dates, transformers).
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly columnsOf = new WeakMap<DataSource, ColumnMetadata[]>();
  private readonly selects = new Map<string, string>();

  constructor(
    private readonly entity: EntityTarget<T>,
    private readonly prefix: string,
  ) {}

  /** The SELECT list of the table under `alias`: `alias.column AS <prefix>column, …`. */
  columns(dataSource: DataSource, alias: string): string {
    let select = this.selects.get(alias);
    if (!select) {
      select = this.metadataColumns(dataSource)
        .map((column) => `${alias}.${column.databaseName} AS ${this.prefix}${column.databaseName}`)
        .join(', ');
      this.selects.set(alias, select);
    }
    return select;
  }

  /** The entity the row holds under this prefix. */
  from(dataSource: DataSource, row: RawRow): T {
    const entity = dataSource.getMetadata(this.entity).create() as T;
    for (const column of this.metadataColumns(dataSource)) {
      const value = row[`${this.prefix}${column.databaseName}`];
      column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(value, column));
    }
    return entity;
  }

  private metadataColumns(dataSource: DataSource): ColumnMetadata[] {
    let columns = this.columnsOf.get(dataSource);
    if (!columns) {
      columns = dataSource.getMetadata(this.entity).columns.filter((column) => !column.isVirtual);
      this.columnsOf.set(dataSource, columns);
    }
    return columns;
  }
}
