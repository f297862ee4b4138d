import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CertificationStatus } from '../../gql/graphql';
import { queryString } from '../../lib/download';
import { compact, formatDay, fullName, storeCode } from '../../lib/format';
import { PAGE_SIZE, useCursorPages } from '../../lib/paging';
import { DataTable, Pager } from '../../ui/DataTable';
import { DownloadButton } from '../../ui/DownloadButton';
import { QueryStatus, StatusBadge } from '../../ui/Feedback';
import { Checkbox, SelectField, TextField } from '../../ui/Field';
import { PageHeader } from '../../ui/Layout';
import { StoreSelect } from '../manager/StoreSelect';
import { FilterOptionsDocument } from './filterOptions';

const CertificationSearchDocument = graphql(`
  query CertificationSearch($filter: CertificationFilterInput, $first: Int, $after: String) {
    certifications(filter: $filter, first: $first, after: $after) {
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
          source
          program {
            id
            name
          }
          employee {
            id
            firstName
            lastName
            store {
              code
              closedOn
            }
          }
        }
      }
    }
  }
`);

export function CertificationsPage() {
  const [status, setStatus] = useState('');
  const [programId, setProgramId] = useState('');
  const [regionId, setRegionId] = useState('');
  const [storeId, setStoreId] = useState('');
  const [expiringWithinDays, setExpiring] = useState('');
  const [includeHistory, setIncludeHistory] = useState(false);
  // The people the compliance figures count, unless asked for those who have left too.
  const [holders, setHolders] = useState('true');
  const [options] = useQuery({ query: FilterOptionsDocument });
  const days = /^\d+$/.test(expiringWithinDays) ? Number(expiringWithinDays) : null;
  const filter = compact({
    status: (status || null) as CertificationStatus | null,
    programId: programId || null,
    regionId: regionId || null,
    storeId: storeId || null,
    expiringWithinDays: days,
    includeHistory: includeHistory || null,
    holderActive: holders === '' ? null : holders === 'true',
  });
  const pages = useCursorPages(JSON.stringify(filter));
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CertificationSearchDocument,
    variables: { filter, first: PAGE_SIZE, after: pages.after },
  });
  const connection = data?.certifications;
  return (
    <>
      <PageHeader
        title="Certifications"
        description="Search who is certified, expiring or expired, and export the list."
        actions={
          <DownloadButton
            label="Export CSV"
            filename="certifications.csv"
            url={`/reports/certifications.csv${queryString(filter)}`}
          />
        }
      />
      <div className="filters card" role="search">
        <SelectField
          label="Status"
          value={status}
          placeholder="Any status"
          onChange={(e) => setStatus(e.target.value)}
          options={['ACTIVE', 'EXPIRING', 'EXPIRED', 'REVOKED'].map((s) => ({
            value: s,
            label: s.charAt(0) + s.slice(1).toLowerCase(),
          }))}
        />
        <SelectField
          label="Programme"
          value={programId}
          placeholder="All programmes"
          onChange={(e) => setProgramId(e.target.value)}
          options={options.data?.certificationPrograms.map((p) => ({ value: p.id, label: p.name })) ?? []}
        />
        <SelectField
          label="Region"
          value={regionId}
          placeholder="All regions"
          onChange={(e) => {
            setRegionId(e.target.value);
            setStoreId('');
          }}
          options={options.data?.regions.map((r) => ({ value: r.id, label: `${r.code} · ${r.name}` })) ?? []}
        />
        <StoreSelect value={storeId} placeholder="All stores" onChange={setStoreId} regionId={regionId || undefined} />
        <SelectField
          label="Holders"
          value={holders}
          onChange={(e) => setHolders(e.target.value)}
          options={[
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Deactivated' },
            { value: '', label: 'Everyone' },
          ]}
        />
        <TextField
          label="Expiring within (days)"
          type="number"
          min={0}
          max={730}
          inputMode="numeric"
          value={expiringWithinDays}
          onChange={(e) => setExpiring(e.target.value)}
        />
        <Checkbox
          label="Include earlier cycles"
          checked={includeHistory}
          onChange={(e) => setIncludeHistory(e.target.checked)}
        />
      </div>
      <QueryStatus state={{ data, fetching, error }} refetch={refetch} />
      {connection && (
        <>
          <DataTable
            caption="Certifications"
            empty="No certification matches these filters."
            rows={connection.edges.map((e) => e.node)}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Person', cell: (c) => <Link to={`/people/${c.employee.id}`}>{fullName(c.employee)}</Link> },
              { header: 'Store', cell: (c) => storeCode(c.employee.store) },
              { header: 'Programme', cell: (c) => c.program.name },
              { header: 'Certificate', cell: (c) => <span className="mono">{c.certificateNumber}</span> },
              { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
              { header: 'Issued', cell: (c) => formatDay(c.issuedOn) },
              { header: 'Expires', cell: (c) => formatDay(c.expiresOn) },
            ]}
          />
          <Pager pages={pages} pageSize={PAGE_SIZE} connection={connection} />
        </>
      )}
    </>
  );
}
