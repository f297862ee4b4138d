import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lp/audit';
import { ConflictError, isDuplicateKeyError } from '@lp/core';
import { JobRoleEntity } from '../entities';

@Injectable()
export class JobRoleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<JobRoleEntity[]> {
    return this.dataSource.getRepository(JobRoleEntity).find({ order: { name: 'ASC' } });
  }

  async create(input: { code: string; name: string }, actorId: number | null): Promise<JobRoleEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const jobRole = await manager.save(manager.create(JobRoleEntity, input));
        await this.audit.record(manager, {
          actorId,
          action: 'JOB_ROLE_CREATED',
          subjectType: 'JobRole',
          subjectId: jobRole.id,
          after: { ...input },
        });
        return jobRole;
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`A job role with code ${input.code} already exists`);
      throw error;
    }
  }
}
