import { registerEnumType } from '@nestjs/graphql';
import { AssignmentReason, AssignmentStatus } from '@lp/assignments';

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'OVERDUE: assigned or in progress, and past its due date',
});
registerEnumType(AssignmentReason, {
  name: 'AssignmentReason',
  description: 'Why someone has the course to do',
  valuesMap: {
    MANUAL: { description: 'A manager or HR assigned it' },
    ONBOARDING: {
      description:
        "A programme's audience rule gave it when they were hired (createEmployee, a new import line) with a hire date within the programme's onboardingDays before today in their store's zone",
    },
    RULE: {
      description:
        "A programme's audience rule gave it at a hire dated before the programme's onboarding period (long-serving staff joining the system), or later: a new job role or store, a new programme, course or rule, a certificate revoked or lapsed",
    },
    REFRESHER: { description: 'Renews a certificate entering its recertification window' },
  },
});

export { AssignmentReason, AssignmentStatus };
