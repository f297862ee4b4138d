import { ArgsType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IdField } from '../../../graphql/id';
import { PaginationArgs } from '../../../graphql/pagination';

@ArgsType()
export class ComplianceByStoreArgs extends PaginationArgs {
  @IdField({ nullable: true, description: 'Only the stores of this region' })
  @IsOptional()
  regionId?: number;

  @IdField({ nullable: true, description: 'Figures for this programme only' })
  @IsOptional()
  programId?: number;
}
