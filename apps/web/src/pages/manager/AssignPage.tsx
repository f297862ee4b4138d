import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AssignCourseInput } from '../../gql/graphql';
import { compact, endOfDay, fullName, isoDay } from '../../lib/format';
import { Button, ButtonLink } from '../../ui/Button';
import { Alert, ErrorAlert, Spinner } from '../../ui/Feedback';
import { Checkbox, SelectField, TextField } from '../../ui/Field';
import { Card, PageHeader } from '../../ui/Layout';
import { useStorePicker } from './useStorePicker';

const AssignOptionsDocument = graphql(`
  query AssignOptions($storeId: ID!, $search: String) {
    courses(first: 100) {
      edges {
        node {
          id
          code
          title
          currentVersion {
            id
          }
        }
      }
    }
    jobRoles {
      code
      name
    }
    employees(filter: { storeId: $storeId, active: true, search: $search }, first: 100) {
      totalCount
      edges {
        node {
          id
          firstName
          lastName
          jobRole {
            name
          }
        }
      }
    }
  }
`);

const AssignCourseDocument = graphql(`
  mutation AssignCourse($input: AssignCourseInput!) {
    assignCourse(input: $input) {
      created
      skipped
    }
  }
`);

type Audience = 'store' | 'roles' | 'people';

function AssignForm({ storeId }: { storeId: string }) {
  const [courseId, setCourseId] = useState('');
  const [due, setDue] = useState(isoDay(30));
  const [audience, setAudience] = useState<Audience>('roles');
  const [roles, setRoles] = useState<string[]>([]);
  const [people, setPeople] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AssignOptionsDocument,
    variables: { storeId, ...compact({ search: search.trim() }) },
  });
  const [assignment, assign] = useMutation(AssignCourseDocument);
  const courses = data?.courses.edges.map((e) => e.node).filter((c) => c.currentVersion) ?? [];
  const ready =
    courseId && due && (audience === 'store' || (audience === 'roles' ? roles.length > 0 : people.length > 0));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: AssignCourseInput = { courseId, dueAt: endOfDay(due) };
    if (audience === 'people') input.employeeIds = people;
    else {
      input.storeId = storeId;
      if (audience === 'roles') input.jobRoleCodes = roles;
    }
    await assign({ input });
  }

  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spinner />;
  const result = assignment.data?.assignCourse;
  return (
    <form onSubmit={submit}>
      <Card title="What and when">
        <SelectField
          label="Course"
          required
          value={courseId}
          placeholder="Choose a course"
          onChange={(e) => setCourseId(e.target.value)}
          options={courses.map((c) => ({ value: c.id, label: c.title }))}
        />
        <TextField
          label="Due date"
          type="date"
          required
          min={isoDay(1)}
          value={due}
          hint="The end of this day"
          onChange={(e) => setDue(e.target.value)}
        />
      </Card>
      <Card title="Who">
        <fieldset>
          <legend>Assign to</legend>
          {(
            [
              ['roles', 'People with these job roles'],
              ['people', 'These people'],
              ['store', 'Everyone in the store'],
            ] as const
          ).map(([value, label]) => (
            <label className="choice" key={value}>
              <input
                type="radio"
                name="audience"
                value={value}
                checked={audience === value}
                onChange={() => setAudience(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        {audience === 'roles' && (
          <fieldset>
            <legend>Job roles</legend>
            {data?.jobRoles.map((role) => (
              <Checkbox
                key={role.code}
                label={role.name}
                checked={roles.includes(role.code)}
                onChange={(e) => setRoles(toggle(roles, role.code, e.target.checked))}
              />
            ))}
          </fieldset>
        )}
        {audience === 'people' && (
          <fieldset>
            <legend>People ({people.length} chosen)</legend>
            <TextField
              label="Find someone"
              type="search"
              value={search}
              hint="Start of a name, employee number or email"
              onChange={(e) => setSearch(e.target.value)}
            />
            {data?.employees.edges.map(({ node }) => (
              <Checkbox
                key={node.id}
                label={`${fullName(node)} · ${node.jobRole.name}`}
                checked={people.includes(node.id)}
                onChange={(e) => setPeople(toggle(people, node.id, e.target.checked))}
              />
            ))}
            {data && data.employees.totalCount > data.employees.edges.length && (
              <p className="small muted">Showing the first 100: narrow the search to find others.</p>
            )}
          </fieldset>
        )}
      </Card>
      {assignment.error && <ErrorAlert error={assignment.error} />}
      {result && (
        <Alert tone="success" title="Assigned">
          {result.created} new assignment{result.created === 1 ? '' : 's'}
          {result.skipped > 0 && `; ${result.skipped} already had this course open and were skipped`}.{' '}
          <Link to={`/store?store=${storeId}`}>Back to the dashboard</Link>
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" disabled={!ready} busy={assignment.fetching}>
          Assign
        </Button>
        <ButtonLink variant="secondary" to={`/store?store=${storeId}`}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

export function AssignPage() {
  const { store, picker, fallback } = useStorePicker();
  return (
    <>
      <PageHeader
        title="Assign a refresher"
        description={store ? `${store.code} · ${store.name}` : undefined}
        back={{ to: `/store${store ? `?store=${store.id}` : ''}`, label: 'Store dashboard' }}
        actions={picker}
      />
      {store ? <AssignForm key={store.id} storeId={store.id} /> : fallback}
    </>
  );
}
