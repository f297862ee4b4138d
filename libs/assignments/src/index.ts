export * from './assignment-status';
export * from './entities';
