import { Fragment, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert } from '../../ui/Feedback';
import { Checkbox, TextAreaField } from '../../ui/Field';
import { DataTable } from '../../ui/DataTable';
import { Card, PageHeader, Stat } from '../../ui/Layout';

const ImportEmployeesDocument = graphql(`
  mutation ImportEmployees($csv: String!, $deactivateMissing: Boolean) {
    importEmployees(csv: $csv, deactivateMissing: $deactivateMissing) {
      created
      updated
      unchanged
      deactivated
      errorCount
      errors {
        line
        message
      }
    }
  }
`);

const HEADER = 'employee_number,first_name,last_name,email,job_role,store_code,role,hire_date';

/** The header as one word that a phone's screen may break after a comma (copied, it stays one line). */
const BREAKABLE_HEADER = HEADER.split(',').map((column, index) => (
  <Fragment key={column}>
    {index > 0 && (
      <>
        ,<wbr />
      </>
    )}
    {column}
  </Fragment>
));

export function ImportPage() {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [outcome, importEmployees] = useMutation(ImportEmployeesDocument);
  const result = outcome.data?.importEmployees;

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    await importEmployees({ csv, deactivateMissing });
  }

  return (
    <>
      <PageHeader
        title="Import employees"
        description="Upsert employees from a CSV file. All or nothing: if any line is wrong, nothing is written."
      />
      <Card title="The file">
        <p className="small">
          Header (any case): <code className="mono">{BREAKABLE_HEADER}</code>. Empty email, role or hire date keep the
          current value; employees are matched by employee number.
        </p>
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="csv-file">CSV file</label>
            <input id="csv-file" type="file" accept=".csv,text/csv" onChange={readFile} />
            {fileName && <span className="field-hint">Read {fileName}. You can check it below.</span>}
          </div>
          <TextAreaField
            label="Or paste the lines"
            className="code"
            rows={10}
            value={csv}
            spellCheck={false}
            placeholder={`${HEADER}\nE1001,Olivia,Smith,olivia.smith@example.com,CASHIER,S001,,2025-03-01`}
            onChange={(e) => setCsv(e.target.value)}
          />
          <Checkbox
            label="This file is the whole chain: deactivate every active employee it does not list (never admins nor you)"
            checked={deactivateMissing}
            onChange={(e) => setDeactivateMissing(e.target.checked)}
          />
          <div className="form-actions" style={{ marginTop: '1rem' }}>
            <Button type="submit" disabled={!csv.trim()} busy={outcome.fetching}>
              Import
            </Button>
          </div>
        </form>
      </Card>
      {outcome.error && <ErrorAlert error={outcome.error} />}
      {result && result.errorCount > 0 && (
        <section aria-labelledby="import-errors">
          <Alert
            tone="error"
            title={`Nothing was imported: ${result.errorCount} problem${result.errorCount > 1 ? 's' : ''}`}
          >
            Correct these lines and import the file again.
            {result.errorCount > result.errors.length && ` The first ${result.errors.length} are listed.`}
          </Alert>
          <h2 id="import-errors">Problems by line</h2>
          <DataTable
            caption="Import problems"
            rows={result.errors}
            rowKey={(e) => `${e.line}-${e.message}`}
            columns={[
              { header: 'Line', cell: (e) => e.line, numeric: true },
              { header: 'Problem', cell: (e) => e.message },
            ]}
          />
        </section>
      )}
      {result && result.errorCount === 0 && (
        <>
          <Alert tone="success" title="Imported">
            The file was applied.
          </Alert>
          <div className="grid grid-4">
            <Stat label="Hired" value={result.created} />
            <Stat label="Updated" value={result.updated} />
            <Stat label="Unchanged" value={result.unchanged} />
            <Stat label="Deactivated" value={result.deactivated} />
          </div>
        </>
      )}
    </>
  );
}
