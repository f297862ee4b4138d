import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert } from '../../ui/Feedback';
import { Card, PageHeader, Stat } from '../../ui/Layout';
import { BreakableHeader, CsvFields, ImportProblems } from './CsvImport';

const ImportCertificationsDocument = graphql(`
  mutation ImportCertifications($csv: String!) {
    importCertifications(csv: $csv) {
      imported
      lapsed
      errorCount
      errors {
        line
        message
      }
    }
  }
`);

const HEADER = 'employee_number,program_code,issued_on,expires_on,certificate_number';

export function CertificationImportPage() {
  const [csv, setCsv] = useState('');
  const [outcome, importCertifications] = useMutation(ImportCertificationsDocument);
  const result = outcome.data?.importCertifications;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await importCertifications({ csv });
  }

  return (
    <>
      <PageHeader
        title="Import certifications"
        description="Bring the certificates people already hold, from an old system or paper records. All or nothing: if any line is wrong, nothing is written."
        back={{ to: '/import', label: 'Import employees' }}
      />
      <Card title="The file">
        <p className="small">
          Header (any case): <BreakableHeader header={HEADER} />. One line per person and programme, their latest
          certificate; days as YYYY-MM-DD in the person’s store. An empty expiry date takes the programme’s validity; an
          empty certificate number gets a new one. Someone who holds a valid certificate of the programme is left as
          they are: leave their line out.
        </p>
        <form onSubmit={submit}>
          <CsvFields csv={csv} onChange={setCsv} placeholder={`${HEADER}\nE1001,LPF,2025-09-14,,OLD-88412`} />
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
            The certificates were issued; each can be verified by its code.
          </Alert>
          <div className="grid grid-4">
            <Stat label="Imported" value={result.imported} />
            <Stat label="Already expired" value={result.lapsed} />
          </div>
        </>
      )}
    </>
  );
}
