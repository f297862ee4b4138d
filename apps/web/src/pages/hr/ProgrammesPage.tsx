import { PageHeader } from '../../ui/Layout';

export function ProgrammesPage() {
  return <PageHeader title="ProgrammesPage" />;
}
