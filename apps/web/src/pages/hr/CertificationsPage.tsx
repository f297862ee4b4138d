import { PageHeader } from '../../ui/Layout';

export function CertificationsPage() {
  return <PageHeader title="CertificationsPage" />;
}
