import { ArgsType } from '@nestjs/graphql';
import { IdField } from '../../../graphql/id';
import { PaginationArgs } from '../../../graphql/pagination';
import { OptionalInput } from '../../../graphql/optional-input';

@ArgsType()
export class ComplianceByStoreArgs extends PaginationArgs {
  @IdField({ nullable: true, description: 'Only the stores of this region' })
  @OptionalInput()
  regionId?: number;

  @IdField({ nullable: true, description: 'Figures for this programme only' })
  @OptionalInput()
  programId?: number;
}
