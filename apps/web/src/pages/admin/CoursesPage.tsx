import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { compact, humanize } from '../../lib/format';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { Button } from '../../ui/Button';
import { DataTable, Pager } from '../../ui/DataTable';
import { Badge, ErrorAlert, QueryStatus } from '../../ui/Feedback';
import { TextAreaField, TextField, useFieldErrors } from '../../ui/Field';
import { Card, PageHeader } from '../../ui/Layout';

const CoursesDocument = graphql(`
  query Courses($filter: CourseFilterInput, $first: Int, $after: String) {
    courses(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          title
          category
          estimatedMinutes
          currentVersion {
            id
            number
          }
          draftVersion {
            id
            number
          }
        }
      }
    }
  }
`);

const CreateCourseDocument = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      id
    }
  }
`);

function CreateCourse() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [summary, setSummary] = useState('');
  const [creation, create] = useMutation(CreateCourseDocument);
  const errors = useFieldErrors(creation.error, ['code', 'title', 'category', 'estimatedMinutes', 'summary']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({
      input: {
        code: code.trim(),
        title: title.trim(),
        category: category.trim(),
        estimatedMinutes: Number(minutes),
        summary: summary.trim(),
      },
    });
    if (result.data) navigate(`/admin/courses/${result.data.createCourse.id}`);
  }

  return (
    <Card title="New course">
      <form ref={errors.formRef} onSubmit={submit}>
        <div className="grid grid-2">
          <TextField
            label="Code"
            hint="Letters, digits, _ or -, e.g. LP-BASICS"
            required
            value={code}
            error={errors.of('code')}
            onChange={(e) => setCode(e.target.value)}
          />
          <TextField
            label="Title"
            required
            value={title}
            error={errors.of('title')}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextField
            label="Category"
            hint="e.g. THEFT_PREVENTION"
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
        <Button
          type="submit"
          busy={creation.fetching}
          disabled={!code.trim() || !title.trim() || !category.trim() || !summary.trim()}
        >
          Create and edit
        </Button>
      </form>
    </Card>
  );
}

export function CoursesPage() {
  const [search, setSearch] = useState('');
  const filter = compact({ search: search.trim() });
  const pages = useCursorPages(search);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CoursesDocument,
    variables: { filter, first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.courses;
  return (
    <>
      <PageHeader title="Courses" description="Write lessons and questions, set up the quiz, publish." />
      <div className="filters card" role="search">
        <TextField
          label="Search"
          type="search"
          hint="Part of the title, or the start of the code"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="Courses"
            empty="No course matches."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Title', cell: (c) => <Link to={`/admin/courses/${c.id}`}>{c.title}</Link> },
              { header: 'Code', cell: (c) => <span className="mono">{c.code}</span> },
              { header: 'Category', cell: (c) => humanize(c.category) },
              {
                header: 'Published',
                cell: (c) => (c.currentVersion ? `Version ${c.currentVersion.number}` : <Badge>Never</Badge>),
              },
              {
                header: 'Draft',
                cell: (c) => (c.draftVersion ? <Badge tone="warning">Version {c.draftVersion.number}</Badge> : '—'),
              },
            ]}
          />
          <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />
        </>
      )}
      <CreateCourse />
    </>
  );
}
