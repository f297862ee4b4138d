import type { EmployeeEntity } from '../entities';

/** What audit events record of an employee before and after a change. */
export function employeeSnapshot(
  employee: Pick<
    EmployeeEntity,
    'employeeNumber' | 'email' | 'firstName' | 'lastName' | 'storeId' | 'role' | 'active' | 'hireDate'
  >,
  jobRoleCode: string,
): Record<string, unknown> {
  return {
    employeeNumber: employee.employeeNumber,
    email: employee.email,
    firstName: employee.firstName,
    lastName: employee.lastName,
    jobRoleCode,
    storeId: employee.storeId,
    role: employee.role,
    active: employee.active,
    hireDate: employee.hireDate,
  };
}
