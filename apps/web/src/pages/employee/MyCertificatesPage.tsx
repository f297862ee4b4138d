import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MyCertificationsQuery } from '../../gql/graphql';
import { formatDay, fullName } from '../../lib/format';
import { DownloadButton } from '../../ui/DownloadButton';
import { QueryStatus, StatusBadge } from '../../ui/Feedback';
import { PageHeader } from '../../ui/Layout';

const MyCertificationsDocument = graphql(`
  query MyCertifications {
    myCertifications {
      id
      certificateNumber
      verificationCode
      status
      issuedOn
      expiresOn
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
  const verifyPath = `/verify/${certification.verificationCode}`;

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
          <dd>{formatDay(certification.issuedOn)}</dd>
          <dt>Valid until</dt>
          <dd>{formatDay(certification.expiresOn)}</dd>
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
      <div className="form-actions no-print" style={{ marginTop: '1rem' }}>
        <DownloadButton
          primary
          url={`/certificates/${certification.id}.pdf`}
          filename={`${certification.certificateNumber}.pdf`}
          label="Download certificate (PDF)"
          accessibleName={`Download certificate ${certification.certificateNumber} (PDF)`}
        />
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
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
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
