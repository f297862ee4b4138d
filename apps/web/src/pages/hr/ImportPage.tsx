import { PageHeader } from '../../ui/Layout';

export function ImportPage() {
  return <PageHeader title="ImportPage" />;
}
