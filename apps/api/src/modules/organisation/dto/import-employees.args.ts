import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

@ArgsType()
export class ImportEmployeesArgs {
  @Field({
    description:
      'CSV with the header employee_number,first_name,last_name,email,job_role,store_code,role,hire_date; ' +
      'empty email, role or hire_date keep the current value',
  })
  @IsString()
  csv!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Deactivate every active employee the file does not list (never admins nor yourself)',
  })
  @IsOptional()
  @IsBoolean()
  deactivateMissing?: boolean | null;
}
