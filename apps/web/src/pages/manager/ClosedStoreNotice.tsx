import type { ReactNode } from 'react';
import { formatDay } from '../../lib/format';
import { Alert } from '../../ui/Feedback';

/**
 * What a closed store's page shows in place of what only open stores have (figures to follow,
 * people to assign work to): since when it is closed and what is left to do.
 */
export function ClosedStoreNotice({
  store,
  children,
}: {
  store: { name: string; closedOn: string };
  children: ReactNode;
}) {
  return (
    <Alert tone="info" title={`Closed on ${formatDay(store.closedOn)}`}>
      <p>
        Nobody works at {store.name} any more. {children}
      </p>
    </Alert>
  );
}
