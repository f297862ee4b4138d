import { PageHeader } from '../../ui/Layout';

export function EmployeePage() {
  return <PageHeader title="EmployeePage" />;
}
