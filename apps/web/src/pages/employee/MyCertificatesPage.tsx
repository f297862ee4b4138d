import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MyCertificationsQuery } from '../../gql/graphql';
import { downloadWithToken } from '../../lib/download';
import { formatDate, fullName } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ErrorAlert, Spinner, StatusBadge } from '../../ui/Feedback';
import { PageHeader } from '../../ui/Layout';

const MyCertificationsDocument = graphql(`
  query MyCertifications {
    myCertifications {
      id
      certificateNumber
      verificationCode
      status
      issuedAt
      expiresAt
      program {
        id
        name
        code
      }
      employee {
        id
        firstName
        lastName
      }
    }
  }
`);

type Certification = MyCertificationsQuery['myCertifications'][number];

function CertificateCard({ certification }: { certification: Certification }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const verifyPath = `/verify/${certification.verificationCode}`;

  async function download() {
    setBusy(true);
    setError(null);
    try {
      await downloadWithToken(`/certificates/${certification.id}.pdf`, `${certification.certificateNumber}.pdf`);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card">
      <div className="certificate">
        <p className="muted small" style={{ margin: 0 }}>
          LP Academy certifies that
        </p>
        <p className="holder">{fullName(certification.employee)}</p>
        <p className="muted small">has completed the programme</p>
        <h2>{certification.program.name}</h2>
        <dl>
          <dt>Certificate</dt>
          <dd className="mono">{certification.certificateNumber}</dd>
          <dt>Issued</dt>
          <dd>{formatDate(certification.issuedAt)}</dd>
          <dt>Valid until</dt>
          <dd>{formatDate(certification.expiresAt)}</dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={certification.status} />
          </dd>
          <dt>Verify at</dt>
          <dd>
            <Link to={verifyPath} className="mono">
              {certification.verificationCode}
            </Link>
          </dd>
        </dl>
      </div>
      {error && <ErrorAlert error={error} />}
      <div className="form-actions no-print" style={{ marginTop: '1rem' }}>
        <Button
          onClick={download}
          busy={busy}
          aria-label={`Download certificate ${certification.certificateNumber} (PDF)`}
        >
          Download certificate (PDF)
        </Button>
      </div>
    </article>
  );
}

export function MyCertificatesPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyCertificationsDocument });
  const certifications = data?.myCertifications ?? [];
  return (
    <>
      <PageHeader
        title="My certificates"
        description="Your current certifications. The PDF carries a QR code that anyone can scan to check it."
      />
      {error && <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <Spinner />}
      {data && certifications.length === 0 && (
        <p className="empty card">
          No certificates yet. Pass the quiz of a programme's courses in <Link to="/training">My training</Link> to earn
          one.
        </p>
      )}
      <div className="grid grid-2">
        {certifications.map((c) => (
          <CertificateCard key={c.id} certification={c} />
        ))}
      </div>
    </>
  );
}
