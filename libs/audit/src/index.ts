export * from './audit.module';
export * from './entities';
export * from './services/audit-log.service';
export * from './services/audit.service';
