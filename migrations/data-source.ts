import { DataSource } from 'typeorm';
import { DatabaseConfig, buildDataSourceOptions, readConfig } from '@lp/core';
import { lpSchema } from './schema';

/** The data source of the TypeORM CLI (`npm run migration:generate`). */
const config = readConfig(DatabaseConfig);
export default new DataSource(
  buildDataSourceOptions({ url: config.DATABASE_URL, dialect: config.DATABASE_DIALECT }, lpSchema),
);
