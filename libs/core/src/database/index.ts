export * from './data-source-options';
export * from './database.module';
export * from './migrations';
export * from './mysql-url';
export * from './service-check';
export * from './snake-naming.strategy';
export * from './statement-deadline';
export * from './timestamp-columns';
