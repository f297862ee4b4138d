import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type NotificationEntity, NotificationStatus } from '../entities';

const STALE = 'Not sent: stale, the moment to send it has passed';
const FAILED_UNTIL_STALE = 'Not sent: the moment to send it passed while sending kept failing; the last attempt: ';

/**
 * What a notification becomes when its moment has passed unsent, as an UPDATE's SET:
 * CANCELLED when nobody tried to send it (no worker was running), FAILED with the last
 * error when attempts failed until then (the mail server down or answering "try later"),
 * so that HR finds it among the failures.
 */
export function staleOutcome(): QueryDeepPartialEntity<NotificationEntity> {
  return {
    status: () => `IF(attempts = 0, '${NotificationStatus.CANCELLED}', '${NotificationStatus.FAILED}')`,
    lastError: () =>
      `IF(attempts = 0, '${STALE}', LEFT(CONCAT('${FAILED_UNTIL_STALE}', COALESCE(last_error, 'no answer')), 1000))`,
  };
}
