import { PageHeader } from '../../ui/Layout';

export function StoreDashboardPage() {
  return <PageHeader title="StoreDashboardPage" />;
}
