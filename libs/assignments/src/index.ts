export * from './assignment-status';
export * from './assignments.module';
export * from './entities';
export * from './services/assignment-completion';
export * from './services/assignment-view';
export * from './services/assignment.service';
