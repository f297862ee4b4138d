import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type CombinedError, type OperationResult, useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AssignCourseInput, AssignMissingQuery, StoreQuery } from '../../gql/graphql';
import { errorCode } from '../../lib/errors';
import { compact, dueDayHint, formatDate, fullName, isoDay } from '../../lib/format';
import { useMe, type Role } from '../../lib/session';
import { Button, ButtonLink } from '../../ui/Button';
import { Alert, ErrorAlert, Spinner } from '../../ui/Feedback';
import { MAX_PAGE_SIZE } from '../../lib/paging';
import { Checkbox, SelectField, TextField } from '../../ui/Field';
import { Card, PageHeader } from '../../ui/Layout';
import { ClosedStoreNotice } from './ClosedStoreNotice';
import { type CourseChoice, CourseSelect } from './CourseSelect';
import { useStorePicker } from './useStorePicker';

const AssignOptionsDocument = graphql(`
  query AssignOptions {
    jobRoles {
      code
      name
    }
  }
`);

const AssignPeopleDocument = graphql(`
  query AssignPeople($storeId: ID, $regionId: ID, $search: String, $first: Int, $after: String) {
    employees(
      filter: { storeId: $storeId, regionId: $regionId, active: true, search: $search }
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          firstName
          lastName
          jobRole {
            name
          }
          store {
            code
            name
          }
        }
      }
    }
  }
`);

const AssignMissingDocument = graphql(`
  query AssignMissing($storeId: ID!, $programId: ID!, $first: Int, $after: String) {
    storeCompliance(storeId: $storeId) {
      program(id: $programId) {
        program {
          id
          name
          courses {
            id
            title
          }
        }
        missingEmployees(first: $first, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              firstName
              lastName
            }
            coursesPassed {
              course {
                id
              }
              completedAt
            }
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

type Audience = 'store' | 'roles' | 'people' | 'regionRoles' | 'regionPeople';
type Store = NonNullable<StoreQuery['store']>;

/** Whose scope covers every store of a region, so the form offers it. */
const REGION_ROLES: Role[] = ['REGIONAL_MANAGER', 'HR', 'ADMIN'];

/** "1 is" or "2 are", and so on. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Ann", "Ann and Bo", "Ann, Bo and Cy". */
const listed = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

/**
 * Why an assignment that created nothing did so, in the words of the audience chosen;
 * `inactive`: people chosen by name who no longer work here.
 */
function nothingAssigned(audience: Audience, skipped: number, inactive: number, regionName: string): string {
  if (skipped > 0 && inactive > 0) {
    return `Nobody new was assigned: ${count(skipped, 'already has', 'already have')} this course open and ${count(inactive, 'is', 'are')} no longer active.`;
  }
  if (skipped > 0) {
    return skipped === 1
      ? 'Nobody new was assigned: the one person chosen already has this course open.'
      : `Nobody new was assigned: all ${skipped} already have this course open.`;
  }
  switch (audience) {
    case 'store':
      return 'Nobody was assigned: nobody works in this store.';
    case 'roles':
      return 'Nobody was assigned: nobody in this store has these job roles.';
    case 'regionRoles':
      return `Nobody was assigned: nobody in the stores of ${regionName} has these job roles.`;
    case 'people':
    case 'regionPeople':
      return 'Nobody was assigned: none of these people is active any more.';
  }
}

interface PeoplePageProps {
  /** Whose people: a store's, or (naming each one's store) a region's. */
  where: { storeId: string } | { regionId: string };
  search: string;
  after: string | null;
  /** How many people the pages before this one listed. */
  listedBefore: number;
  isLast: boolean;
  chosen: string[];
  /** What to say beside a person's name, if anything. */
  noteFor?: (employeeId: string) => string | undefined;
  /** Told the names of the people a page lists. */
  onListed: (people: { id: string; name: string }[]) => void;
  onToggle: (employeeId: string, on: boolean) => void;
  onMore: (endCursor: string) => void;
}

/** One page of the people; the last page says how many are listed and offers more. */
function PeoplePage({
  where,
  search,
  after,
  listedBefore,
  isLast,
  chosen,
  noteFor,
  onListed,
  onToggle,
  onMore,
}: PeoplePageProps) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AssignPeopleDocument,
    variables: { ...where, ...compact({ search: search.trim() }), first: MAX_PAGE_SIZE, after },
  });
  useEffect(() => {
    if (data) onListed(data.employees.edges.map(({ node }) => ({ id: node.id, name: fullName(node) })));
  }, [data, onListed]);
  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spinner />;
  if (!data) return null;
  const { totalCount, pageInfo, edges } = data.employees;
  const storeOf = (store: { code: string; name: string }) =>
    'regionId' in where ? ` · ${store.code} ${store.name}` : '';
  return (
    <>
      {totalCount === 0 && <p className="empty">Nobody matches.</p>}
      {edges.map(({ node }, index) => {
        const note = noteFor?.(node.id);
        return (
          <Checkbox
            key={node.id}
            // "Show more" is gone once its page arrives: keyboard focus goes on from the first person it brought.
            autoFocus={after !== null && index === 0}
            label={`${fullName(node)} · ${node.jobRole.name}${storeOf(node.store)}${note ? ` · ${note}` : ''}`}
            checked={chosen.includes(node.id)}
            onChange={(e) => onToggle(node.id, e.target.checked)}
          />
        );
      })}
      {isLast && totalCount > MAX_PAGE_SIZE && (
        <p className="small muted">
          Showing {listedBefore + edges.length} of {totalCount} people
        </p>
      )}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <Button variant="secondary" small onClick={() => onMore(pageInfo.endCursor!)}>
          Show more
        </Button>
      )}
    </>
  );
}

/** The active people by name, a page at a time: a store has up to 300, a region thousands. */
function PeopleChoices(props: Omit<PeoplePageProps, 'after' | 'listedBefore' | 'isLast' | 'onMore'>) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return cursors.map((after, index) => (
    <PeoplePage
      key={after ?? 'first'}
      {...props}
      after={after}
      listedBefore={index * MAX_PAGE_SIZE}
      isLast={index === cursors.length - 1}
      onMore={(endCursor) => setCursors([...cursors, endCursor])}
    />
  ));
}

/** Someone on the dashboard's list of who is missing a programme. */
interface MissingPerson {
  id: string;
  name: string;
  /** When they passed each course of the programme they have passed in a way that counts toward it, by course id. */
  passedAt: Map<string, string>;
}

/** The form opened from the dashboard's list of who is missing a programme. */
interface MissingPreset {
  programName: string;
  /** The programme's required courses: the course to assign is one of them. */
  courses: CourseChoice[];
  /** Everyone on the list. */
  people: MissingPerson[];
}

/** Whom on the list a course is chosen for: everyone but those who passed it already in a way that counts. */
function needing(preset: MissingPreset, courseId: string): string[] {
  return preset.people.filter((person) => !person.passedAt.has(courseId)).map((person) => person.id);
}

/**
 * Everyone the store's "Who is missing" list holds for the programme, every page of it (a
 * store has up to 300 people), and the programme's courses; null when the programme does not
 * apply to the store.
 */
function useMissingPreset(storeId: string, programId: string | null) {
  const client = useClient();
  const [state, setState] = useState<{ preset?: MissingPreset | null; error?: CombinedError }>({});
  useEffect(() => {
    if (programId === null) return;
    let current = true;
    void (async () => {
      const people: MissingPerson[] = [];
      let after: string | null = null;
      for (;;) {
        const result: OperationResult<AssignMissingQuery> = await client
          .query(
            AssignMissingDocument,
            { storeId, programId, first: MAX_PAGE_SIZE, after },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (!current) return;
        if (!result.data) return setState({ error: result.error });
        const row = result.data.storeCompliance.program;
        if (!row) return setState({ preset: null });
        people.push(
          ...row.missingEmployees.edges.map((edge) => ({
            id: edge.node.id,
            name: fullName(edge.node),
            passedAt: new Map(edge.coursesPassed.map((passed) => [passed.course.id, passed.completedAt])),
          })),
        );
        const { hasNextPage, endCursor } = row.missingEmployees.pageInfo;
        if (!hasNextPage || !endCursor) {
          return setState({ preset: { programName: row.program.name, courses: row.program.courses, people } });
        }
        after = endCursor;
      }
    })();
    return () => {
      current = false;
    };
  }, [client, storeId, programId]);
  return state;
}

/** Whom the form chose for the course, from a programme's list of who is missing it. */
function whoIsChosen(preset: MissingPreset, courseId: string): string {
  const missing = preset.people.length;
  const chosen = needing(preset, courseId).length;
  const passed = missing - chosen;
  const course = preset.courses.find((c) => c.id === courseId)?.title;
  if (missing === 0) return 'Nobody in this store is missing it any more.';
  if (passed === 0) {
    return missing === 1
      ? 'The one person missing it is chosen under “Who”.'
      : `All ${missing} people missing it are chosen under “Who”.`;
  }
  if (chosen === 0) {
    return `${missing === 1 ? 'The one person' : `All ${missing} people`} missing it passed ${course} already, so nobody is chosen: choose another course.`;
  }
  return `${chosen} of the ${missing} people missing it ${chosen === 1 ? 'is' : 'are'} chosen under “Who”: ${passed === 1 ? 'one' : passed} passed ${course} already (the day is beside the name).`;
}

/** What the form says it was opened with, from a programme's list of who is missing it. */
function MissingPresetNote({ preset, courseId }: { preset: MissingPreset; courseId: string }) {
  return (
    <Alert title={`Who is missing ${preset.programName}`}>
      <p>
        {whoIsChosen(preset, courseId)}{' '}
        {preset.courses.length > 1 &&
          `It needs ${preset.courses.length} courses: assign them one at a time; choosing a course chooses whoever has not passed it yet. `}
        Anyone who already has the course open is skipped.
      </p>
    </Alert>
  );
}

function AssignForm({ store, preset }: { store: Store; preset?: MissingPreset }) {
  const storeId = store.id;
  const me = useMe();
  // Opened from a person's record: that person, chosen.
  const [params] = useSearchParams();
  const employeeId = params.get('employee');
  const [courseId, setCourseId] = useState(preset?.courses[0]?.id ?? '');
  const missingById = useMemo(() => new Map(preset?.people.map((person) => [person.id, person])), [preset]);
  // Days of the store's calendar: the due date ends there, where the people doing the work are.
  const [due, setDue] = useState(isoDay(30, store.timezone));
  const [audience, setAudience] = useState<Audience>(preset || employeeId ? 'people' : 'roles');
  const byName = audience === 'people' || audience === 'regionPeople';
  const acrossRegion = audience === 'regionRoles' || audience === 'regionPeople';
  const [roles, setRoles] = useState<string[]>([]);
  const [people, setPeople] = useState<string[]>(() =>
    preset ? needing(preset, courseId) : employeeId ? [employeeId] : [],
  );
  const [search, setSearch] = useState('');
  const [dueError, setDueError] = useState<string | null>(null);
  /** Who moved to a store outside the caller's scope since the form listed them, by name. */
  const [movedAway, setMovedAway] = useState<string[] | null>(null);
  // The names of everyone the form has listed, to say who moved away.
  const names = useRef(new Map(preset?.people.map((person) => [person.id, person.name])));
  const remember = useCallback((seen: { id: string; name: string }[]) => {
    for (const person of seen) names.current.set(person.id, person.name);
  }, []);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AssignOptionsDocument });
  const [assignment, assign] = useMutation(AssignCourseDocument);
  const whyNot = !courseId
    ? 'Choose a course to assign.'
    : !due
      ? 'Choose a due date to assign the course.'
      : byName && people.length === 0
        ? 'Choose at least one person to assign the course to.'
        : (audience === 'roles' || audience === 'regionRoles') && roles.length === 0
          ? 'Choose at least one job role to assign the course to.'
          : null;
  const whyNotId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMovedAway(null);
    // The earliest day the field offers is the one of when the form was drawn, maybe yesterday's.
    if (due < isoDay(0, store.timezone)) {
      setDueError('That day has passed in the store: choose today or a later day.');
      return;
    }
    // The day, not a moment: it ends in each person's store's zone, which across a region are several.
    const input: AssignCourseInput = { courseId, dueOn: due };
    if (byName) input.employeeIds = people;
    else if (audience === 'regionRoles') {
      input.regionId = store.region.id;
      input.jobRoleCodes = roles;
    } else {
      input.storeId = storeId;
      if (audience === 'roles') input.jobRoleCodes = roles;
    }
    const outcome = await assign({ input });
    const refusal = outcome.error?.graphQLErrors[0];
    if (refusal?.extensions.field === 'dueOn') setDueError(refusal.message);
    const outside =
      outcome.error &&
      errorCode(outcome.error) === 'FORBIDDEN' &&
      outcome.error.graphQLErrors[0].extensions.employeeIds;
    if (input.employeeIds && Array.isArray(outside)) {
      const moved = new Set(outside.map(String));
      setPeople(people.filter((id) => !moved.has(id)));
      setMovedAway([...moved].map((id) => names.current.get(id) ?? 'someone'));
    }
  }

  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spinner />;
  const result = assignment.data?.assignCourse;
  // The audience the result is about, not the one the form shows since.
  const assignedTo = assignment.operation?.variables.input;
  const resultAudience: Audience = assignedTo?.employeeIds
    ? 'people'
    : assignedTo?.regionId
      ? 'regionRoles'
      : assignedTo?.jobRoleCodes
        ? 'roles'
        : 'store';
  // People chosen by name who were neither assigned nor skipped: no longer active.
  const inactive =
    result && assignedTo?.employeeIds ? assignedTo.employeeIds.length - result.created - result.skipped : 0;
  const audiences: [Audience, string][] = [
    ['roles', 'People with these job roles'],
    ['people', 'These people'],
    ['store', 'Everyone in the store'],
  ];
  if (REGION_ROLES.includes(me.role)) {
    audiences.push(
      ['regionRoles', `People with these job roles in every store of ${store.region.name}`],
      ['regionPeople', `These people, in any store of ${store.region.name}`],
    );
  }
  return (
    <form onSubmit={submit}>
      {preset && <MissingPresetNote preset={preset} courseId={courseId} />}
      <Card title="What and when">
        {preset ? (
          <SelectField
            label="Course"
            required
            value={courseId}
            hint={`The courses ${preset.programName} needs`}
            placeholder="Choose a course"
            options={preset.courses.map((course) => ({ value: course.id, label: course.title }))}
            onChange={(e) => {
              setCourseId(e.target.value);
              setPeople(needing(preset, e.target.value));
            }}
          />
        ) : (
          <CourseSelect label="Course" required value={courseId} placeholder="Choose a course" onChange={setCourseId} />
        )}
        <TextField
          label="Due date"
          type="date"
          required
          min={isoDay(0, store.timezone)}
          // Chromium takes a six-digit year, which no date of the API's can hold.
          max="9999-12-31"
          value={due}
          hint={acrossRegion ? 'The end of this day in each store’s time zone' : dueDayHint(store.timezone)}
          error={dueError}
          onChange={(e) => {
            setDue(e.target.value);
            setDueError(null);
          }}
        />
      </Card>
      <Card title="Who">
        <fieldset>
          <legend>Assign to</legend>
          {audiences.map(([value, label]) => (
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
        {(audience === 'roles' || audience === 'regionRoles') && (
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
        {byName && (
          <fieldset>
            <legend>People ({people.length} chosen)</legend>
            <TextField
              label="Find someone"
              type="search"
              value={search}
              hint="Start of a name, a whole name, employee number or email"
              onChange={(e) => setSearch(e.target.value)}
            />
            <PeopleChoices
              key={`${audience}/${search.trim()}`}
              where={audience === 'regionPeople' ? { regionId: store.region.id } : { storeId }}
              search={search}
              chosen={people}
              noteFor={(id) => {
                const passedAt = missingById.get(id)?.passedAt.get(courseId);
                return passedAt && `passed on ${formatDate(passedAt, store.timezone)}`;
              }}
              onListed={remember}
              onToggle={(employeeId, on) => setPeople(toggle(people, employeeId, on))}
            />
          </fieldset>
        )}
      </Card>
      {movedAway ? (
        <Alert tone="warning" title="Nothing assigned">
          Nothing was assigned: {listed(movedAway)} {movedAway.length === 1 ? 'has' : 'have'} moved to a store you do
          not manage since this page listed them, so {movedAway.length === 1 ? 'is' : 'are'} no longer chosen.
          {people.length > 0 && ' Assign again for the others.'}
        </Alert>
      ) : (
        // A due day that has ended in one of the stores is said at the field.
        assignment.error &&
        assignment.error.graphQLErrors[0]?.extensions.field !== 'dueOn' && <ErrorAlert error={assignment.error} />
      )}
      {result && result.created > 0 && (
        <Alert tone="success" title="Assigned">
          {count(result.created, 'new assignment', 'new assignments')}
          {result.skipped > 0 &&
            `; ${result.skipped} already had this course open and ${result.skipped === 1 ? 'was' : 'were'} skipped`}
          {inactive > 0 &&
            `; ${count(inactive, 'is', 'are')} no longer active and ${inactive === 1 ? 'was' : 'were'} not assigned`}
          . <Link to={`/store?store=${storeId}`}>Back to the dashboard</Link>
        </Alert>
      )}
      {result && result.created === 0 && (
        <Alert tone="warning" title="Nothing assigned">
          {nothingAssigned(resultAudience, result.skipped, inactive, store.region.name)}{' '}
          <Link to={`/store?store=${storeId}`}>Back to the dashboard</Link>
        </Alert>
      )}
      <div className="form-actions">
        <Button
          type="submit"
          disabled={whyNot !== null}
          aria-describedby={whyNot ? whyNotId : undefined}
          busy={assignment.fetching}
        >
          Assign
        </Button>
        <ButtonLink variant="secondary" to={`/store?store=${storeId}`}>
          Cancel
        </ButtonLink>
        {whyNot && (
          <span id={whyNotId} className="small muted" style={{ alignSelf: 'center' }}>
            {whyNot}
          </span>
        )}
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
      {store?.closedOn ? (
        <ClosedStoreNotice store={{ name: store.name, closedOn: store.closedOn }}>
          There is nobody to assign a course to: choose an open store.
        </ClosedStoreNotice>
      ) : store ? (
        <AssignStart key={store.id} store={store} />
      ) : (
        fallback
      )}
    </>
  );
}

/** The form, with the people missing a programme chosen when `?program=` says which. */
function AssignStart({ store }: { store: Store }) {
  const [params] = useSearchParams();
  const programId = params.get('program');
  const { preset, error } = useMissingPreset(store.id, programId);
  if (programId === null) return <AssignForm store={store} />;
  if (error) return <ErrorAlert error={error} />;
  if (preset === undefined) return <Spinner label="Finding who is missing the programme…" />;
  if (preset === null) {
    return (
      <>
        <Alert tone="warning">That programme does not apply to this store: choose the course and people below.</Alert>
        <AssignForm store={store} />
      </>
    );
  }
  return <AssignForm store={store} preset={preset} />;
}
