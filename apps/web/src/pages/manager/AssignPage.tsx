import { PageHeader } from '../../ui/Layout';

export function AssignPage() {
  return <PageHeader title="AssignPage" />;
}
