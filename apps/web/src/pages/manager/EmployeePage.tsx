import { type FormEvent, useState } from 'react';
import { flushSync } from 'react-dom';
import { useParams } from 'react-router-dom';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import {
  dayOf,
  dueDayHint,
  endOfDay,
  formatDate,
  formatDateTime,
  formatDay,
  fullName,
  humanize,
  isoDay,
} from '../../lib/format';
import { messageFor } from '../../lib/errors';
import { MAX_PAGE_SIZE, PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { Button, ButtonLink } from '../../ui/Button';
import { DataTable, Pager } from '../../ui/DataTable';
import { DownloadButton } from '../../ui/DownloadButton';
import { Alert, Badge, ErrorAlert, QueryStatus, Spinner, StatusBadge } from '../../ui/Feedback';
import { Card, PageHeader } from '../../ui/Layout';
import { SelectField, TextField, useFieldErrors } from '../../ui/Field';
import { mayInvite } from '../../lib/invites';
import { HR_ROLES, useMe } from '../../lib/session';
import { OPEN_STATUSES } from '../employee/assignments';

const EmployeeRecordDocument = graphql(`
  query EmployeeRecord($id: ID!) {
    employee(id: $id) {
      id
      employeeNumber
      firstName
      lastName
      email
      role
      active
      hireDate
      invite {
        status
        createdAt
        expiresAt
        notSentReason
      }
      jobRole {
        name
      }
      store {
        id
        code
        name
        timezone
        closedOn
      }
      history {
        kind
        from
        to
        changedAt
        changedBy {
          id
          firstName
          lastName
        }
        bySystem
      }
    }
  }
`);

/** Every cycle, a page at a time; the current ones apart, one per programme, for the actions on them. */
const EmployeeCertificationsDocument = graphql(`
  query EmployeeCertifications($id: ID!, $first: Int, $after: String, $currentFirst: Int) {
    certifications(
      filter: { employeeId: $id, includeHistory: true }
      order: NEWEST_FIRST
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
          certificateNumber
          status
          issuedOn
          expiresOn
          program {
            name
          }
        }
      }
    }
    current: certifications(filter: { employeeId: $id }, first: $currentFirst) {
      edges {
        node {
          id
          certificateNumber
          status
          program {
            name
          }
        }
      }
    }
  }
`);

const EmployeeAssignmentsDocument = graphql(`
  query EmployeeAssignments($id: ID!, $first: Int, $after: String) {
    assignments(filter: { employeeId: $id }, order: NEWEST_FIRST, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          reason
          dueAt
          completedAt
          progressPercent
          course {
            title
          }
        }
      }
    }
  }
`);

const CancelAssignmentDocument = graphql(`
  mutation CancelAssignment($id: ID!) {
    cancelAssignment(id: $id) {
      id
      status
    }
  }
`);

const ChangeAssignmentDueDateDocument = graphql(`
  mutation ChangeAssignmentDueDate($id: ID!, $dueAt: DateTime!) {
    changeAssignmentDueDate(id: $id, dueAt: $dueAt) {
      id
      status
      dueAt
    }
  }
`);

const RevokeCertificationDocument = graphql(`
  mutation RevokeCertification($id: ID!, $reason: String!) {
    revokeCertification(id: $id, reason: $reason) {
      id
      status
      revokedAt
    }
  }
`);

const GrantCertificationDocument = graphql(`
  mutation GrantCertification($employeeId: ID!, $programId: ID!) {
    grantCertification(employeeId: $employeeId, programId: $programId) {
      id
      certificateNumber
    }
  }
`);

const ProgramsDocument = graphql(`
  query GrantablePrograms {
    certificationPrograms {
      id
      name
    }
  }
`);

/** HR and admins: revoke a current certification, or grant one earned elsewhere. */
function CertificationActions({
  employeeId,
  certifications,
  onChanged,
}: {
  employeeId: string;
  certifications: { id: string; certificateNumber: string; status: string; program: { name: string } }[];
  onChanged: () => void;
}) {
  const [programId, setProgramId] = useState('');
  const [{ data }] = useQuery({ query: ProgramsDocument });
  const [revocation, revoke] = useMutation(RevokeCertificationDocument);
  const [grant, grantCertification] = useMutation(GrantCertificationDocument);
  const current = certifications.filter((c) => c.status === 'ACTIVE' || c.status === 'EXPIRING');
  return (
    <>
      {(revocation.error ?? grant.error) && <ErrorAlert error={(revocation.error ?? grant.error)!} />}
      {grant.data && <Alert tone="success">Granted {grant.data.grantCertification.certificateNumber}.</Alert>}
      <div className="row" style={{ alignItems: 'flex-end', marginTop: '1rem' }}>
        {current.map((c) => (
          <Button
            key={c.id}
            variant="secondary"
            busy={revocation.fetching}
            style={{ marginBottom: '1rem' }}
            onClick={async () => {
              const reason = window.prompt(`Why revoke ${c.certificateNumber} (${c.program.name})?`);
              if (reason?.trim()) {
                const result = await revoke({ id: c.id, reason: reason.trim() });
                if (!result.error) onChanged();
              }
            }}
          >
            Revoke {c.certificateNumber}
          </Button>
        ))}
        <div style={{ minWidth: '14rem' }}>
          <SelectField
            label="Grant a programme"
            value={programId}
            placeholder="Choose a programme"
            onChange={(e) => setProgramId(e.target.value)}
            options={data?.certificationPrograms.map((p) => ({ value: p.id, label: p.name })) ?? []}
          />
        </div>
        <Button
          variant="secondary"
          disabled={!programId}
          busy={grant.fetching}
          style={{ marginBottom: '1rem' }}
          onClick={async () => {
            const result = await grantCertification({ employeeId, programId });
            if (!result.error) onChanged();
          }}
        >
          Grant
        </Button>
      </div>
    </>
  );
}

const ResendInviteDocument = graphql(`
  mutation ResendInvite($employeeId: ID!) {
    resendInvite(employeeId: $employeeId) {
      sentTo
      expiresAt
    }
  }
`);

interface InviteState {
  status: string;
  createdAt: string;
  expiresAt: string;
  notSentReason?: string | null;
}

/** Where the person's latest invite link stands: a new one is wanted when it did not go or no longer works. */
function InviteDetails({ invite }: { invite: InviteState | null | undefined }) {
  if (!invite) return <>None sent</>;
  switch (invite.status) {
    case 'SENT':
      return (
        <>
          Sent {formatDateTime(invite.createdAt)}; the link works until {formatDateTime(invite.expiresAt)}
        </>
      );
    case 'NOT_SENT':
      return (
        <>
          <Badge tone="danger">Not sent</Badge> {formatDateTime(invite.createdAt)}: {invite.notSentReason}. Check the
          email address or the mail server, then send a new invite.
        </>
      );
    case 'EXPIRED':
      return (
        <>
          <Badge tone="warning">Expired</Badge> {formatDateTime(invite.expiresAt)}
        </>
      );
    default:
      return <>Used, or voided by an email change or leaving</>;
  }
}

/** A person and the time zone of their store, which their dates are read in. */
interface PersonProps {
  employeeId: string;
  timeZone: string;
}

/** An open assignment whose due date is being changed. */
interface Rescheduling {
  id: string;
  title: string;
  dueAt: string;
}

/** The server's words, but a refresher's latest day as the person's store has it. */
function dueDateRefusal(error: CombinedError, timeZone: string): CombinedError | string {
  const latest = error.graphQLErrors[0]?.extensions?.latest;
  return typeof latest === 'string'
    ? `A refresher is due by the day its certificate expires, ${formatDate(latest, timeZone)}: choose that day or an earlier one.`
    : error;
}

/** A new due date for one open assignment, typed as a day of the person's store. */
function DueDateForm({
  assignment,
  timeZone,
  onChanged,
  onRefused,
  onClose,
}: {
  assignment: Rescheduling;
  timeZone: string;
  onChanged: (dueAt: string) => void;
  onRefused: () => void;
  onClose: () => void;
}) {
  const today = isoDay(0, timeZone);
  const current = dayOf(assignment.dueAt, timeZone);
  // Overdue work needs a day ahead: a week from today to start from.
  const [day, setDay] = useState(current >= today ? current : isoDay(7, timeZone));
  const [change, changeDueDate] = useMutation(ChangeAssignmentDueDateDocument);
  const errors = useFieldErrors(change.error, ['dueAt']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await changeDueDate({ id: assignment.id, dueAt: endOfDay(day, timeZone) });
    if (result.data) onChanged(result.data.changeAssignmentDueDate.dueAt);
    // Refused because it was completed or cancelled meanwhile: show it as it is now.
    else if (result.error?.graphQLErrors[0]?.extensions?.code === 'CONFLICT') onRefused();
  }

  return (
    <form
      ref={errors.formRef}
      onSubmit={submit}
      aria-label={`Due date of ${assignment.title}`}
      style={{ marginTop: '1rem' }}
    >
      {errors.rest && <ErrorAlert error={errors.rest} />}
      <TextField
        label={`New due date for "${assignment.title}"`}
        type="date"
        required
        autoFocus
        min={today}
        // Chromium takes a six-digit year, which no date of the API's can hold.
        max="9999-12-31"
        value={day}
        hint={dueDayHint(timeZone)}
        error={errors.of('dueAt') && messageFor(dueDateRefusal(change.error!, timeZone))}
        onChange={(e) => setDay(e.target.value)}
      />
      <div className="row">
        <Button type="submit" busy={change.fetching}>
          Save due date
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Keep the old date
        </Button>
      </div>
    </form>
  );
}

function Assignments({ employeeId, timeZone }: PersonProps) {
  const pages = useCursorPages(employeeId);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EmployeeAssignmentsDocument,
    variables: { id: employeeId, first: PAGE_SIZE, after: pages.after },
  });
  const [cancellation, cancel] = useMutation(CancelAssignmentDocument);
  const [rescheduling, setRescheduling] = useState<Rescheduling | null>(null);
  const [rescheduled, setRescheduled] = useState<string | null>(null);
  // The form closes below the table: focus goes back to the row's button, not to the page's top.
  function closeDueDateForm(id: string, message: string | null) {
    flushSync(() => {
      setRescheduling(null);
      setRescheduled(message);
    });
    document.getElementById(`change-due-date-${id}`)?.focus();
  }
  async function cancelAssignment(id: string) {
    const result = await cancel({ id });
    // Refused because it was completed or cancelled meanwhile: show it as it is now.
    if (result.error) refetch({ requestPolicy: 'network-only' });
  }
  const connection = data?.assignments;
  return (
    <Card title="Assignments">
      {error && <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {cancellation.error && <ErrorAlert error={cancellation.error} />}
      {rescheduled && <Alert tone="success">{rescheduled}</Alert>}
      {fetching && !data && <Spinner />}
      {connection && (
        <>
          <DataTable
            caption="Assignments"
            empty="No assignments."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(a) => a.id}
            columns={[
              { header: 'Course', cell: (a) => a.course.title },
              { header: 'Status', cell: (a) => <StatusBadge status={a.status} /> },
              { header: 'Reason', cell: (a) => humanize(a.reason) },
              { header: 'Due', cell: (a) => formatDate(a.dueAt, timeZone) },
              { header: 'Completed', cell: (a) => formatDate(a.completedAt, timeZone) },
              { header: 'Progress', cell: (a) => `${a.progressPercent}%`, numeric: true },
              {
                header: 'Action',
                cell: (a) =>
                  OPEN_STATUSES.includes(a.status) ? (
                    <div className="row">
                      <Button
                        id={`change-due-date-${a.id}`}
                        variant="secondary"
                        small
                        aria-label={`Change due date of ${a.course.title}`}
                        onClick={() => {
                          setRescheduled(null);
                          setRescheduling({ id: a.id, title: a.course.title, dueAt: a.dueAt });
                        }}
                      >
                        Change due date
                      </Button>
                      <Button
                        variant="secondary"
                        small
                        busy={cancellation.fetching && cancellation.operation?.variables.id === a.id}
                        aria-label={`Cancel ${a.course.title}`}
                        onClick={() => {
                          if (window.confirm(`Cancel "${a.course.title}" for this person?`))
                            void cancelAssignment(a.id);
                        }}
                      >
                        Cancel
                      </Button>
                    </div>
                  ) : null,
              },
            ]}
          />
          {connection.totalCount > PAGE_SIZE && <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />}
        </>
      )}
      {rescheduling && (
        <DueDateForm
          key={rescheduling.id}
          assignment={rescheduling}
          timeZone={timeZone}
          onChanged={(dueAt) =>
            closeDueDateForm(rescheduling.id, `"${rescheduling.title}" is now due on ${formatDate(dueAt, timeZone)}.`)
          }
          onRefused={() => refetch({ requestPolicy: 'network-only' })}
          onClose={() => closeDueDateForm(rescheduling.id, null)}
        />
      )}
    </Card>
  );
}

function Certifications({ employeeId, manages }: { employeeId: string; manages: boolean }) {
  const pages = useCursorPages(employeeId);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EmployeeCertificationsDocument,
    variables: { id: employeeId, first: PAGE_SIZE, after: pages.after, currentFirst: MAX_PAGE_SIZE },
  });
  const connection = data?.certifications;
  return (
    <Card title="Certifications">
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="Certifications"
            empty="No certifications."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Programme', cell: (c) => c.program.name },
              { header: 'Certificate', cell: (c) => <span className="mono">{c.certificateNumber}</span> },
              { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
              { header: 'Issued', cell: (c) => formatDay(c.issuedOn) },
              { header: 'Expires', cell: (c) => formatDay(c.expiresOn) },
              {
                header: 'Certificate (PDF)',
                cell: (c) => (
                  <DownloadButton
                    url={`/certificates/${c.id}.pdf`}
                    filename={`${c.certificateNumber}.pdf`}
                    label="Download"
                    accessibleName={`Download certificate ${c.certificateNumber} (PDF)`}
                  />
                ),
              },
            ]}
          />
          {connection.totalCount > PAGE_SIZE && <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />}
        </>
      )}
      {manages && data && (
        <CertificationActions
          employeeId={employeeId}
          certifications={data.current.edges.map((e) => e.node)}
          onChanged={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
    </Card>
  );
}

export function EmployeePage() {
  const me = useMe();
  const { employeeId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EmployeeRecordDocument,
    variables: { id: employeeId },
  });
  const [invite, resendInvite] = useMutation(ResendInviteDocument);
  const back = { to: '/people', label: 'People' };
  if (error)
    return (
      <>
        <PageHeader title="Employee record" back={back} />
        <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </>
    );
  if (fetching && !data) return <Spinner />;
  const person = data?.employee;
  const invites = !!person && mayInvite(me.role, person.role);
  if (!person)
    return (
      <>
        <PageHeader title="Employee not found" back={back} />
        <Alert tone="warning">This person does not exist or is outside what you can see.</Alert>
      </>
    );
  return (
    <>
      <PageHeader
        title={fullName(person)}
        description={`${person.jobRole.name} · ${person.store.code} ${person.store.name}${person.store.closedOn ? ' (closed)' : ''}`}
        back={back}
        actions={
          person.active ? (
            <>
              <ButtonLink to={`/store/assign?store=${person.store.id}&employee=${person.id}`}>
                Assign a course
              </ButtonLink>
              {person.email && invites && (
                <Button
                  variant="secondary"
                  busy={invite.fetching}
                  onClick={async () => {
                    const result = await resendInvite({ employeeId: person.id });
                    if (!result.error) refetch({ requestPolicy: 'network-only' });
                  }}
                >
                  Send a new invite
                </Button>
              )}
            </>
          ) : undefined
        }
      />
      {invite.error && <ErrorAlert error={invite.error} />}
      {invite.data && (
        <Alert tone="success">
          Invite sent to {invite.data.resendInvite.sentTo}; the link works until{' '}
          {formatDateTime(invite.data.resendInvite.expiresAt)}.
        </Alert>
      )}
      <Card title="Details">
        <dl className="details">
          <dt>Employee number</dt>
          <dd>{person.employeeNumber}</dd>
          <dt>Email</dt>
          <dd>{person.email ?? '—'}</dd>
          <dt>Access</dt>
          <dd>{humanize(person.role)}</dd>
          <dt>Hired</dt>
          <dd>{formatDay(person.hireDate)}</dd>
          {invites && (
            <>
              <dt>Invite</dt>
              <dd>
                <InviteDetails invite={person.invite} />
              </dd>
            </>
          )}
          <dt>Status</dt>
          <dd>{person.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}</dd>
        </dl>
      </Card>
      <Assignments employeeId={person.id} timeZone={person.store.timezone} />
      <Certifications employeeId={person.id} manages={HR_ROLES.includes(me.role)} />
      <Card title="History">
        <DataTable
          caption="History"
          empty="No changes recorded."
          rows={person.history}
          rowKey={(h) => `${h.kind}-${h.changedAt}`}
          columns={[
            { header: 'When', cell: (h) => formatDateTime(h.changedAt) },
            { header: 'Change', cell: (h) => humanize(h.kind) },
            { header: 'From', cell: (h) => h.from ?? '—' },
            { header: 'To', cell: (h) => h.to ?? '—' },
            {
              header: 'By',
              cell: (h) =>
                h.changedBy ? fullName(h.changedBy) : h.bySystem ? 'System' : 'Someone outside your stores',
            },
          ]}
        />
      </Card>
    </>
  );
}
