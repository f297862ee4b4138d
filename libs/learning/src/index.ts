export * from './content-limits';
export * from './entities';
