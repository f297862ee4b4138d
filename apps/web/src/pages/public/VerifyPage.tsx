import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDay } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert, Spinner, StatusBadge } from '../../ui/Feedback';
import { TextField } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';

const VerifyDocument = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      valid
      status
      holderName
      programName
      issuedOn
      expiresOn
    }
  }
`);

function Verification({ code }: { code: string }) {
  const [{ data, fetching, error }, retry] = useQuery({ query: VerifyDocument, variables: { code } });
  if (fetching && !data) return <Spinner label="Checking the certificate…" />;
  if (error) return <ErrorAlert error={error} onRetry={() => retry({ requestPolicy: 'network-only' })} />;
  const result = data?.verifyCertificate;
  if (!result) return null;
  if (!result.holderName)
    return (
      <Alert tone="error" title="No certificate has this code">
        Check the code printed on the certificate and try again.
      </Alert>
    );
  return (
    <>
      <Alert tone={result.valid ? 'success' : 'error'} title={result.valid ? 'Valid certificate' : 'Not valid'}>
        {result.valid
          ? 'This certificate was issued by LP Academy and is current.'
          : 'This certificate exists but is no longer valid.'}
      </Alert>
      <dl className="details">
        <dt>Holder</dt>
        <dd>{result.holderName}</dd>
        <dt>Programme</dt>
        <dd>{result.programName}</dd>
        <dt>Status</dt>
        <dd>{result.status && <StatusBadge status={result.status} />}</dd>
        <dt>Issued</dt>
        <dd>{formatDay(result.issuedOn)}</dd>
        <dt>Expires</dt>
        <dd>{formatDay(result.expiresOn)}</dd>
      </dl>
    </>
  );
}

export function VerifyPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = input.trim();
    if (trimmed) navigate(`/verify/${encodeURIComponent(trimmed)}`);
  }

  return (
    <AuthLayout title="Verify a certificate">
      {code ? (
        <Verification code={code} />
      ) : (
        <p className="muted">Enter the verification code printed on an LP Academy certificate.</p>
      )}
      <form onSubmit={submit} style={{ marginTop: '1.5rem' }}>
        <TextField
          label="Verification code"
          value={input}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setInput(e.target.value)}
        />
        <Button type="submit" variant={code ? 'secondary' : 'primary'} disabled={!input.trim()}>
          Check
        </Button>
      </form>
    </AuthLayout>
  );
}
