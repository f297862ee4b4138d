import { PageHeader } from '../../ui/Layout';

export function CompliancePage() {
  return <PageHeader title="CompliancePage" />;
}
