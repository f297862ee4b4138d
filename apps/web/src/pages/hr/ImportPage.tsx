import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert } from '../../ui/Feedback';
import { Checkbox } from '../../ui/Field';
import { Card, PageHeader, Stat } from '../../ui/Layout';
import { BreakableHeader, CsvFields, ImportProblems } from './CsvImport';

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

export function ImportPage() {
  const [csv, setCsv] = useState('');
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [outcome, importEmployees] = useMutation(ImportEmployeesDocument);
  const result = outcome.data?.importEmployees;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await importEmployees({ csv, deactivateMissing });
  }

  return (
    <>
      <PageHeader
        title="Import employees"
        description="Upsert employees from a CSV file. All or nothing: if any line is wrong, nothing is written."
        actions={<Link to="/import/certifications">Import certifications</Link>}
      />
      <Card title="The file">
        <p className="small">
          Header (any case): <BreakableHeader header={HEADER} />. Empty email, role or hire date keep the current value;
          employees are matched by employee number.
        </p>
        <form onSubmit={submit}>
          <CsvFields
            csv={csv}
            onChange={setCsv}
            placeholder={`${HEADER}\nE1001,Olivia,Smith,olivia.smith@example.com,CASHIER,S001,,2025-03-01`}
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
      {result && result.errorCount > 0 && <ImportProblems result={result} />}
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
