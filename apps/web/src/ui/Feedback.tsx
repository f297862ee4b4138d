import type { ReactNode } from 'react';
import type { CombinedError, UseQueryExecute } from 'urql';
import { messageFor } from '../lib/errors';
import { Button } from './Button';

type Tone = 'error' | 'success' | 'info' | 'warning';

export function Alert({ tone = 'info', title, children }: { tone?: Tone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <span className="alert-title">{title}</span>}
      {children}
    </div>
  );
}

export function ErrorAlert({ error, onRetry }: { error: CombinedError | Error | string; onRetry?: () => void }) {
  return (
    <Alert tone="error" title="That did not work">
      <p>{messageFor(error)}</p>
      {onRetry && (
        <Button variant="secondary" small onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A query's error, with a retry that skips the cache, and its spinner until the first data arrives. */
export function QueryStatus({
  state: { data, fetching, error },
  refetch,
}: {
  state: { data?: unknown; fetching: boolean; error?: CombinedError };
  refetch: UseQueryExecute;
}) {
  return (
    <>
      {error && <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <Spinner />}
    </>
  );
}

type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const STATUS_TONES: Record<string, BadgeTone> = {
  ASSIGNED: 'info',
  IN_PROGRESS: 'info',
  COMPLETED: 'success',
  OVERDUE: 'danger',
  CANCELLED: 'neutral',
  ACTIVE: 'success',
  EXPIRING: 'warning',
  EXPIRED: 'danger',
  REVOKED: 'neutral',
  PENDING: 'info',
  SENT: 'success',
  FAILED: 'danger',
  DRAFT: 'warning',
  PUBLISHED: 'success',
};

export function StatusBadge({ status }: { status: string }) {
  const text = status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' ');
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{text}</Badge>;
}

export function Progress({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}
