import { useQuery } from 'urql';
import type { MyAssignmentsQuery } from '../../gql/graphql';
import { dueLabel, formatDate, humanize } from '../../lib/format';
import { useMe } from '../../lib/session';
import { ButtonLink } from '../../ui/Button';
import { Badge, Progress, QueryStatus, StatusBadge } from '../../ui/Feedback';
import { PageHeader } from '../../ui/Layout';
import { MyAssignmentsDocument, OPEN_STATUSES } from './assignments';

type Assignment = MyAssignmentsQuery['myAssignments'][number];

/** Days are the learner's store's, as their reminder emails and their manager give them, wherever they read them. */
function AssignmentCard({ assignment, timeZone }: { assignment: Assignment; timeZone: string }) {
  const open = OPEN_STATUSES.includes(assignment.status);
  const action = assignment.status === 'COMPLETED' ? 'Review' : assignment.progressPercent > 0 ? 'Continue' : 'Start';
  return (
    <article className="card">
      <div className="card-header">
        <h3>{assignment.course.title}</h3>
        <StatusBadge status={assignment.status} />
      </div>
      <p className="muted small">
        {humanize(assignment.course.category)} · about {assignment.course.estimatedMinutes} min
        {assignment.reason === 'REFRESHER' && (
          <>
            {' '}
            · <Badge tone="warning">Refresher</Badge>
          </>
        )}
      </p>
      <p className="small">
        {open ? (
          <>
            <strong>{dueLabel(assignment.dueAt, timeZone)}</strong> · due {formatDate(assignment.dueAt, timeZone)}
          </>
        ) : assignment.completedAt ? (
          <>Completed {formatDate(assignment.completedAt, timeZone)}</>
        ) : (
          <>Due {formatDate(assignment.dueAt, timeZone)}</>
        )}
      </p>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div style={{ flex: '1 1 10rem' }}>
          <Progress percent={assignment.progressPercent} label={`${assignment.course.title}: progress`} />
          <span className="small muted">{assignment.progressPercent}% done</span>
        </div>
        <ButtonLink
          to={`/training/${assignment.id}`}
          variant={open ? 'primary' : 'secondary'}
          small
          aria-label={`${action}: ${assignment.course.title}`}
        >
          {action}
        </ButtonLink>
      </div>
    </article>
  );
}

export function MyTrainingPage() {
  const me = useMe();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyAssignmentsDocument });
  const assignments = data?.myAssignments ?? [];
  const open = assignments.filter((a) => OPEN_STATUSES.includes(a.status));
  const done = assignments.filter((a) => a.status === 'COMPLETED');
  const overdue = open.filter((a) => a.status === 'OVERDUE').length;
  return (
    <>
      <PageHeader
        title="My training"
        description={`Hello ${me.firstName}. ${
          data
            ? open.length
              ? `You have ${open.length} course${open.length > 1 ? 's' : ''} to do.`
              : 'You are all caught up.'
            : ''
        }`}
      />
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {data && (
        <>
          {overdue > 0 && (
            <div className="alert alert-warning" role="status">
              <span className="alert-title">
                {overdue} overdue course{overdue > 1 ? 's' : ''}
              </span>
              Please finish {overdue > 1 ? 'them' : 'it'} as soon as you can.
            </div>
          )}
          <section className="section" aria-labelledby="todo-heading">
            <h2 id="todo-heading">To do</h2>
            {open.length === 0 ? (
              <p className="empty card">Nothing to do right now.</p>
            ) : (
              <div className="grid grid-2">
                {open.map((a) => (
                  <AssignmentCard key={a.id} assignment={a} timeZone={me.store.timezone} />
                ))}
              </div>
            )}
          </section>
          <section className="section" aria-labelledby="done-heading">
            <h2 id="done-heading">Completed</h2>
            {done.length === 0 ? (
              <p className="empty card">No completed courses yet.</p>
            ) : (
              <div className="grid grid-2">
                {done.map((a) => (
                  <AssignmentCard key={a.id} assignment={a} timeZone={me.store.timezone} />
                ))}
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
