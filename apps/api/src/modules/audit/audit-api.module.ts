import { Module } from '@nestjs/common';
import { AuditModule } from '@lp/audit';
import { OrganisationApiModule } from '../organisation/organisation-api.module';
import { AuditEventResolver } from './audit-event.resolver';

@Module({
  imports: [AuditModule, OrganisationApiModule],
  providers: [AuditEventResolver],
})
export class AuditApiModule {}
