import { Args, ArgsType, Field, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { CertificationImportService } from '@lp/certification';
import type { Actor } from '@lp/identity';
import { Role } from '@lp/organisation';
import { CurrentActor } from '../identity/current-actor.decorator';
import { Roles } from '../identity/roles.decorator';
import { ImportLineErrorObject } from '../organisation/employee-import-result.object';

@ArgsType()
class ImportCertificationsArgs {
  @Field({
    description:
      'CSV with the header employee_number,program_code,issued_on,expires_on,certificate_number; days as ' +
      "YYYY-MM-DD in the holder's store's zone; empty expires_on: the programme's validity; empty " +
      'certificate_number: a new LP Academy number',
  })
  @IsString()
  csv!: string;
}

@ObjectType('CertificationImportResult', {
  description: 'When errors is not empty, nothing was written and the counts are 0',
})
class CertificationImportResultObject {
  @Field(() => Int, { description: 'Certificates written, each with a verification code' })
  imported!: number;

  @Field(() => Int, { description: 'Of those, already expired: kept as history, counted as lapsed' })
  lapsed!: number;

  @Field(() => [ImportLineErrorObject], { description: 'The first 100 problems, in line order' })
  errors!: ImportLineErrorObject[];

  @Field(() => Int, { description: 'All problems found, including those beyond the first 100' })
  errorCount!: number;
}

@Resolver()
export class CertificationImportResolver {
  constructor(private readonly imports: CertificationImportService) {}

  @Mutation(() => CertificationImportResultObject, {
    description:
      'Brings certificates people hold from an old LMS or paper records (source IMPORT); all or nothing. A line ' +
      'for someone who holds a valid certificate of the programme is refused; a valid imported certificate ' +
      "cancels the holder's open assignments that the programme's audience rule or refresher made",
  })
  @Roles(Role.HR, Role.ADMIN)
  importCertifications(
    @Args() { csv }: ImportCertificationsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<CertificationImportResultObject> {
    return this.imports.run(csv, actor.id);
  }
}
