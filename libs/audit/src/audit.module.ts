import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditEntities } from './entities';
import { AuditLogService } from './services/audit-log.service';
import { AuditService } from './services/audit.service';

@Module({
  imports: [TypeOrmModule.forFeature(auditEntities)],
  providers: [AuditService, AuditLogService],
  exports: [AuditService, AuditLogService],
})
export class AuditModule {}
