import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportLineError')
export class ImportLineErrorObject {
  @Field(() => Int, { description: 'Line of the file; the header is line 1' })
  line!: number;

  @Field()
  message!: string;
}

@ObjectType('EmployeeImportResult', {
  description: 'When errors is not empty, nothing was written and the counts are 0',
})
export class EmployeeImportResultObject {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Lines that matched the employee exactly' })
  unchanged!: number;

  @Field(() => Int)
  deactivated!: number;

  @Field(() => [ImportLineErrorObject], { description: 'The first 100 problems, in line order' })
  errors!: ImportLineErrorObject[];

  @Field(() => Int, { description: 'All problems found, including those beyond the first 100' })
  errorCount!: number;
}
