import { type FormEvent, type ReactNode, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type {
  CreateCertificationProgramInput,
  ProgrammesQuery,
  RenewalBasis,
  UpdateCertificationProgramInput,
} from '../../gql/graphql';
import { humanize } from '../../lib/format';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { Alert, ErrorAlert, QueryStatus } from '../../ui/Feedback';
import { Checkbox, SelectField, TextAreaField, TextField, useFieldErrors } from '../../ui/Field';
import { Card, PageHeader } from '../../ui/Layout';
import { type CourseChoice, CourseChecklist, CourseSelect } from '../manager/CourseSelect';

const ProgrammesDocument = graphql(`
  query Programmes {
    certificationPrograms {
      id
      code
      name
      description
      validityMonths
      recertifyWindowDays
      reminderOffsetsDays
      renewalBasis
      fixedExpiryDate
      onboardingDays
      refresherCourseId
      courses {
        id
        title
      }
      audience {
        jobRoleCode
        storeId
        regionId
      }
    }
    jobRoles {
      code
      name
    }
  }
`);

const CreateProgrammeDocument = graphql(`
  mutation CreateProgramme($input: CreateCertificationProgramInput!) {
    createCertificationProgram(input: $input) {
      id
      code
      name
    }
  }
`);

const UpdateProgrammeDocument = graphql(`
  mutation UpdateProgramme($id: ID!, $input: UpdateCertificationProgramInput!) {
    updateCertificationProgram(id: $id, input: $input) {
      id
      name
    }
  }
`);

type Programme = ProgrammesQuery['certificationPrograms'][number];

function parseOffsets(text: string): number[] | undefined {
  const numbers = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return numbers.length ? numbers : undefined;
}

/** The job roles a programme requires chain-wide, ticked; `children` say what else its audience holds. */
function JobRoleChecklist({
  jobRoles,
  chosen,
  onChange,
  children,
}: {
  jobRoles: { code: string; name: string }[];
  chosen: string[];
  onChange: (codes: string[]) => void;
  children?: ReactNode;
}) {
  return (
    <fieldset>
      <legend>Job roles that must hold it, chain-wide</legend>
      {jobRoles.map((r) => (
        <Checkbox
          key={r.code}
          label={r.name}
          checked={chosen.includes(r.code)}
          onChange={(e) => onChange(e.target.checked ? [...chosen, r.code] : chosen.filter((code) => code !== r.code))}
        />
      ))}
      {children}
    </fieldset>
  );
}

/** The refresher course and the reminder offsets, as a programme is set up and changed. */
function RefresherAndReminders({
  refresherCourseId,
  onRefresher,
  offsets,
  onOffsets,
  offsetsError,
}: {
  refresherCourseId: string;
  onRefresher: (courseId: string) => void;
  offsets: string;
  onOffsets: (text: string) => void;
  offsetsError: string | null;
}) {
  return (
    <div className="grid grid-2">
      <div>
        <CourseSelect
          label="Refresher course"
          value={refresherCourseId}
          placeholder="The required courses"
          onChange={onRefresher}
        />
      </div>
      <TextField
        label="Reminders (days before)"
        hint="Comma-separated, e.g. 30, 14, 7, 1"
        value={offsets}
        error={offsetsError}
        onChange={(e) => onOffsets(e.target.value)}
      />
    </div>
  );
}

function CreateProgramme({ jobRoles }: { jobRoles: { code: string; name: string }[] }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [courses, setCourses] = useState<CourseChoice[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  const [validityMonths, setValidity] = useState('12');
  const [windowDays, setWindow] = useState('60');
  const [refresherCourseId, setRefresher] = useState('');
  const [offsets, setOffsets] = useState('30, 14, 7, 1');
  const [renewalBasis, setRenewalBasis] = useState<RenewalBasis>('PREVIOUS_EXPIRY');
  const [creation, create] = useMutation(CreateProgrammeDocument);
  const errors = useFieldErrors(creation.error, [
    'code',
    'name',
    'description',
    'validityMonths',
    'recertifyWindowDays',
    'renewalBasis',
    'reminderOffsetsDays',
  ]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: CreateCertificationProgramInput = {
      code: code.trim(),
      name: name.trim(),
      courseIds: courses.map((c) => c.id),
      validityMonths: Number(validityMonths),
      recertifyWindowDays: Number(windowDays),
      renewalBasis,
      requiredJobRoleCodes: roles,
      reminderOffsetsDays: parseOffsets(offsets),
    };
    if (description.trim()) input.description = description.trim();
    if (refresherCourseId) input.refresherCourseId = refresherCourseId;
    const result = await create({ input });
    if (result.data) {
      setCode('');
      setName('');
      setDescription('');
      setCourses([]);
      setRoles([]);
    }
  }

  return (
    <Card title="Set up a programme">
      <form ref={errors.formRef} onSubmit={submit}>
        <div className="grid grid-2">
          <TextField
            label="Code"
            hint="Prefix of certificate numbers, e.g. LPF"
            required
            value={code}
            error={errors.of('code')}
            onChange={(e) => setCode(e.target.value)}
          />
          <TextField
            label="Name"
            required
            value={name}
            error={errors.of('name')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <TextAreaField
          label="Description"
          rows={3}
          value={description}
          error={errors.of('description')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <CourseChecklist
          legend="Courses that must all be passed"
          searchLabel="Find a required course"
          chosen={courses}
          onChange={setCourses}
        />
        <JobRoleChecklist jobRoles={jobRoles} chosen={roles} onChange={setRoles} />
        <div className="grid grid-3">
          <TextField
            label="Valid for (months)"
            type="number"
            min={1}
            required
            value={validityMonths}
            error={errors.of('validityMonths')}
            onChange={(e) => setValidity(e.target.value)}
          />
          <TextField
            label="Renewal opens (days before expiry)"
            type="number"
            min={1}
            required
            value={windowDays}
            error={errors.of('recertifyWindowDays')}
            onChange={(e) => setWindow(e.target.value)}
          />
          <SelectField
            label="Renewal dated from"
            value={renewalBasis}
            error={errors.of('renewalBasis')}
            onChange={(e) => setRenewalBasis(e.target.value as RenewalBasis)}
            options={[
              { value: 'PREVIOUS_EXPIRY', label: 'The previous expiry' },
              { value: 'COMPLETION', label: 'The completion' },
            ]}
          />
        </div>
        <RefresherAndReminders
          refresherCourseId={refresherCourseId}
          onRefresher={setRefresher}
          offsets={offsets}
          onOffsets={setOffsets}
          offsetsError={errors.of('reminderOffsetsDays')}
        />
        {errors.rest && <ErrorAlert error={errors.rest} />}
        {creation.data && (
          <Alert tone="success">
            Programme {creation.data.createCertificationProgram.name} created; its audience has been assigned the
            courses.
          </Alert>
        )}
        <Button type="submit" busy={creation.fetching} disabled={!code.trim() || !name.trim() || courses.length === 0}>
          Create programme
        </Button>
      </form>
    </Card>
  );
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Changes one programme: only what was changed is sent. Rules limited to a store or region
 * are kept as they are; the chain-wide job roles are ticked here.
 */
function EditProgramme({
  programme,
  jobRoles,
  onClose,
}: {
  programme: Programme;
  jobRoles: { code: string; name: string }[];
  onClose: () => void;
}) {
  const chainWide = programme.audience.filter((r) => !r.storeId && !r.regionId).map((r) => r.jobRoleCode);
  const limited = programme.audience.filter((r) => r.storeId || r.regionId);
  const [name, setName] = useState(programme.name);
  const [description, setDescription] = useState(programme.description ?? '');
  const [roles, setRoles] = useState<string[]>(chainWide);
  const [validityMonths, setValidity] = useState(String(programme.validityMonths));
  const [windowDays, setWindow] = useState(String(programme.recertifyWindowDays));
  const [onboardingDays, setOnboarding] = useState(String(programme.onboardingDays));
  const [refresherCourseId, setRefresher] = useState(programme.refresherCourseId ?? '');
  const [offsets, setOffsets] = useState(programme.reminderOffsetsDays.join(', '));
  const [renewalBasis, setRenewalBasis] = useState<RenewalBasis>(programme.renewalBasis);
  const [fixedExpiryDate, setFixedDate] = useState(programme.fixedExpiryDate ?? '');
  const [addedCourseId, setAddedCourse] = useState('');
  const [removedCourseIds, setRemovedCourses] = useState<string[]>([]);
  const [update, save] = useMutation(UpdateProgrammeDocument);
  const errors = useFieldErrors(update.error, [
    'name',
    'description',
    'validityMonths',
    'recertifyWindowDays',
    'onboardingDays',
    'renewalBasis',
    'fixedExpiryDate',
    'reminderOffsetsDays',
  ]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: UpdateCertificationProgramInput = {};
    if (name.trim() !== programme.name) input.name = name.trim();
    if (description.trim() !== (programme.description ?? '')) input.description = description.trim() || null;
    if (Number(validityMonths) !== programme.validityMonths) input.validityMonths = Number(validityMonths);
    if (Number(windowDays) !== programme.recertifyWindowDays) input.recertifyWindowDays = Number(windowDays);
    if (Number(onboardingDays) !== programme.onboardingDays) input.onboardingDays = Number(onboardingDays);
    if (refresherCourseId !== (programme.refresherCourseId ?? '')) input.refresherCourseId = refresherCourseId || null;
    const newOffsets = parseOffsets(offsets) ?? [];
    if (!sameList(newOffsets, programme.reminderOffsetsDays)) input.reminderOffsetsDays = newOffsets;
    if (renewalBasis !== programme.renewalBasis) input.renewalBasis = renewalBasis;
    if (renewalBasis === 'FIXED_DATE' && fixedExpiryDate.trim() !== (programme.fixedExpiryDate ?? ''))
      input.fixedExpiryDate = fixedExpiryDate.trim();
    if (addedCourseId) input.addCourseIds = [addedCourseId];
    if (removedCourseIds.length > 0) input.removeCourseIds = removedCourseIds;
    if (!sameList([...roles].sort(), [...chainWide].sort())) {
      input.audience = [
        ...roles.map((jobRoleCode) => ({ jobRoleCode })),
        ...limited.map(({ jobRoleCode, storeId, regionId }) => ({ jobRoleCode, storeId, regionId })),
      ];
    }
    const result = await save({ id: programme.id, input });
    if (result.data) {
      setAddedCourse('');
      setRemovedCourses([]);
    }
  }

  return (
    <Card
      title={`Edit ${programme.code}`}
      actions={
        <Button variant="ghost" small onClick={onClose}>
          Close
        </Button>
      }
    >
      <form ref={errors.formRef} onSubmit={submit} aria-label={`Edit programme ${programme.code}`}>
        <p className="muted">
          Certificates already issued keep their dates; a course added is passed at the next renewal, and those working
          toward the certificate get it now. A course unticked is required no more: its open work for the programme is
          cancelled, and whoever it was the last course left for is certified shortly after you save. Reminders still
          planned at offsets you remove are cancelled; people a job role you add requires get the courses, and people no
          longer required lose the work it made.
        </p>
        <TextField
          label="Name"
          required
          value={name}
          error={errors.of('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Description"
          rows={3}
          value={description}
          error={errors.of('description')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <fieldset>
          <legend>Courses that must all be passed</legend>
          {programme.courses.map((course) => (
            <Checkbox
              key={course.id}
              label={course.title}
              checked={!removedCourseIds.includes(course.id)}
              onChange={(e) =>
                setRemovedCourses(
                  e.target.checked
                    ? removedCourseIds.filter((id) => id !== course.id)
                    : [...removedCourseIds, course.id],
                )
              }
            />
          ))}
        </fieldset>
        <CourseSelect
          label="Add a required course"
          value={addedCourseId}
          placeholder="None"
          onChange={setAddedCourse}
        />
        <JobRoleChecklist jobRoles={jobRoles} chosen={roles} onChange={setRoles}>
          {limited.length > 0 && (
            <p className="muted">
              Also required in one store or region, kept as they are:{' '}
              {limited
                .map((r) => `${r.jobRoleCode} (${r.storeId ? `store ${r.storeId}` : `region ${r.regionId}`})`)
                .join(', ')}
            </p>
          )}
        </JobRoleChecklist>
        <div className="grid grid-3">
          <TextField
            label="Valid for (months)"
            hint="For certificates issued from now on"
            type="number"
            min={1}
            required
            value={validityMonths}
            error={errors.of('validityMonths')}
            onChange={(e) => setValidity(e.target.value)}
          />
          <TextField
            label="Renewal opens (days before expiry)"
            type="number"
            min={1}
            required
            value={windowDays}
            error={errors.of('recertifyWindowDays')}
            onChange={(e) => setWindow(e.target.value)}
          />
          <TextField
            label="Days a newcomer has"
            type="number"
            min={1}
            required
            value={onboardingDays}
            error={errors.of('onboardingDays')}
            onChange={(e) => setOnboarding(e.target.value)}
          />
        </div>
        <div className="grid grid-2">
          <SelectField
            label="Renewal dated from"
            value={renewalBasis}
            error={errors.of('renewalBasis')}
            onChange={(e) => setRenewalBasis(e.target.value as RenewalBasis)}
            options={[
              { value: 'PREVIOUS_EXPIRY', label: 'The previous expiry' },
              { value: 'COMPLETION', label: 'The completion' },
              { value: 'FIXED_DATE', label: 'A fixed day of the year' },
            ]}
          />
          {renewalBasis === 'FIXED_DATE' && (
            <TextField
              label="Expires on (MM-DD)"
              required
              value={fixedExpiryDate}
              error={errors.of('fixedExpiryDate')}
              onChange={(e) => setFixedDate(e.target.value)}
            />
          )}
        </div>
        <RefresherAndReminders
          refresherCourseId={refresherCourseId}
          onRefresher={setRefresher}
          offsets={offsets}
          onOffsets={setOffsets}
          offsetsError={errors.of('reminderOffsetsDays')}
        />
        {errors.rest && <ErrorAlert error={errors.rest} />}
        {update.data && !update.fetching && (
          <Alert tone="success">Programme {update.data.updateCertificationProgram.name} saved.</Alert>
        )}
        <Button type="submit" busy={update.fetching} disabled={!name.trim()}>
          Save changes
        </Button>
      </form>
    </Card>
  );
}

export function ProgrammesPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProgrammesDocument });
  const [editing, setEditing] = useState<string | null>(null);
  const programme = data?.certificationPrograms.find((p) => p.id === editing);
  return (
    <>
      <PageHeader
        title="Programmes"
        description="Certification programmes: which courses, for whom, and for how long."
      />
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {data && (
        <>
          <Card title="Programmes">
            <DataTable
              caption="Certification programmes"
              empty="No programme yet."
              rows={data.certificationPrograms}
              rowKey={(p) => p.id}
              columns={[
                { header: 'Code', cell: (p) => <span className="mono">{p.code}</span> },
                { header: 'Name', cell: (p) => p.name },
                { header: 'Valid (months)', cell: (p) => p.validityMonths, numeric: true },
                { header: 'Renewal window (days)', cell: (p) => p.recertifyWindowDays, numeric: true },
                { header: 'Renewal from', cell: (p) => humanize(p.renewalBasis) },
                { header: 'Reminders (days)', cell: (p) => p.reminderOffsetsDays.join(', ') },
                {
                  header: 'Change',
                  cell: (p) => (
                    <Button variant="secondary" small aria-label={`Edit ${p.code}`} onClick={() => setEditing(p.id)}>
                      Edit
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
          {programme && (
            <EditProgramme
              key={programme.id}
              programme={programme}
              jobRoles={data.jobRoles}
              onClose={() => setEditing(null)}
            />
          )}
          <CreateProgramme jobRoles={data.jobRoles} />
        </>
      )}
    </>
  );
}
