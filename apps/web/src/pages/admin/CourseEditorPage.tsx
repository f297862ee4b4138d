import { PageHeader } from '../../ui/Layout';

export function CourseEditorPage() {
  return <PageHeader title="CourseEditorPage" />;
}
