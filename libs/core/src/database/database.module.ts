import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConfig } from '../config';
import { buildDataSourceOptions, type SchemaParts } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaParts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [DatabaseConfig],
          useFactory: (config: DatabaseConfig) =>
            buildDataSourceOptions(
              {
                url: config.DATABASE_URL,
                replicaUrl: config.DATABASE_REPLICA_URL,
                poolSize: config.DATABASE_POOL_SIZE,
              },
              schema,
            ),
        }),
      ],
    };
  }
}
