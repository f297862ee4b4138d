import { PageHeader } from '../../ui/Layout';

export function PeoplePage() {
  return <PageHeader title="PeoplePage" />;
}
