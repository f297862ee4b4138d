import { PageHeader } from '../../ui/Layout';

export function NotificationsPage() {
  return <PageHeader title="NotificationsPage" />;
}
