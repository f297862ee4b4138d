import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditEntities } from './entities';
import { AuditService } from './services/audit.service';

@Module({
  imports: [TypeOrmModule.forFeature(auditEntities)],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
