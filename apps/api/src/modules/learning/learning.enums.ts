import { registerEnumType } from '@nestjs/graphql';
import { CourseVersionStatus, QuestionType } from '@lp/learning';

registerEnumType(QuestionType, {
  name: 'QuestionType',
  description: 'SINGLE_CHOICE and TRUE_FALSE take one option; MULTIPLE_CHOICE counts only with all correct options',
});
registerEnumType(CourseVersionStatus, {
  name: 'CourseVersionStatus',
  description: 'A DRAFT is edited; a PUBLISHED version never changes',
});

export { CourseVersionStatus, QuestionType };
