import { PageHeader } from '../../ui/Layout';

export function CoursesPage() {
  return <PageHeader title="CoursesPage" />;
}
