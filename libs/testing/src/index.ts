export * from './database-cleaner';
export * from './factories/employee.factory';
export * from './factories/region.factory';
export * from './factories/store.factory';
export * from './graphql-client';
export * from './smtp-capture';
export * from './test-app';
export * from './test-environment';
