import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CreateCertificationProgramInput, RenewalBasis } from '../../gql/graphql';
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
      onboardingDays
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

function parseOffsets(text: string): number[] | undefined {
  const numbers = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return numbers.length ? numbers : undefined;
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
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

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
        <fieldset>
          <legend>Job roles that must hold it, chain-wide</legend>
          {jobRoles.map((r) => (
            <Checkbox
              key={r.code}
              label={r.name}
              checked={roles.includes(r.code)}
              onChange={(e) => setRoles(toggle(roles, r.code, e.target.checked))}
            />
          ))}
        </fieldset>
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
        <div className="grid grid-2">
          <div>
            <CourseSelect
              label="Refresher course"
              value={refresherCourseId}
              placeholder="The required courses"
              onChange={setRefresher}
            />
          </div>
          <TextField
            label="Reminders (days before)"
            hint="Comma-separated, e.g. 30, 14, 7, 1"
            value={offsets}
            error={errors.of('reminderOffsetsDays')}
            onChange={(e) => setOffsets(e.target.value)}
          />
        </div>
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

export function ProgrammesPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProgrammesDocument });
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
              ]}
            />
          </Card>
          <CreateProgramme jobRoles={data.jobRoles} />
        </>
      )}
    </>
  );
}
