import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { changedFields } from '../../lib/changes';
import { graphql } from '../../gql';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert } from '../../ui/Feedback';
import { TextAreaField, TextField, useFieldErrors } from '../../ui/Field';
import { Card } from '../../ui/Layout';

const UpdateCourseDocument = graphql(`
  mutation UpdateCourse($courseId: ID!, $input: UpdateCourseInput!) {
    updateCourse(courseId: $courseId, input: $input) {
      id
      title
      summary
      category
      estimatedMinutes
    }
  }
`);

interface Details {
  id: string;
  title: string;
  summary: string;
  category: string;
  estimatedMinutes: number;
}

/** Catalogue details: they change in place, for every version. */
export function CourseDetails({ course }: { course: Details }) {
  const [title, setTitle] = useState(course.title);
  const [summary, setSummary] = useState(course.summary);
  const [category, setCategory] = useState(course.category);
  const [minutes, setMinutes] = useState(String(course.estimatedMinutes));
  const [saved, setSaved] = useState(course);
  const [saving, save] = useMutation(UpdateCourseDocument);
  const errors = useFieldErrors(saving.error, ['title', 'category', 'estimatedMinutes', 'summary']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const edited = {
      title: title.trim(),
      summary: summary.trim(),
      category: category.trim(),
      estimatedMinutes: Number(minutes),
    };
    const { id, ...loaded } = saved;
    const result = await save({ courseId: id, input: changedFields(loaded, edited) });
    if (result.data) setSaved(result.data.updateCourse);
  }

  return (
    <Card title="Catalogue details">
      <form ref={errors.formRef} onSubmit={submit}>
        <div className="grid grid-3">
          <TextField
            label="Title"
            required
            value={title}
            error={errors.of('title')}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextField
            label="Category"
            required
            value={category}
            error={errors.of('category')}
            onChange={(e) => setCategory(e.target.value)}
          />
          <TextField
            label="Estimated minutes"
            type="number"
            min={1}
            required
            value={minutes}
            error={errors.of('estimatedMinutes')}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <TextAreaField
          label="Summary"
          rows={3}
          required
          value={summary}
          error={errors.of('summary')}
          onChange={(e) => setSummary(e.target.value)}
        />
        {errors.rest && <ErrorAlert error={errors.rest} />}
        {saving.data && !saving.fetching && <Alert tone="success">Details saved.</Alert>}
        <Button type="submit" variant="secondary" busy={saving.fetching}>
          Save details
        </Button>
      </form>
    </Card>
  );
}
