import { BadInputError } from '@lp/core';
import type { ComplianceCursor } from '@lp/reporting';

const PREFIX = 'compliance:';

/** complianceByStore pages by (compliance, store id), so its cursors carry both. */
export function encodeComplianceCursor(cursor: ComplianceCursor): string {
  return Buffer.from(`${PREFIX}${cursor.compliancePercent}:${cursor.storeId}`).toString('base64url');
}

export function decodeComplianceCursor(after: string): ComplianceCursor {
  const decoded = Buffer.from(after, 'base64url').toString();
  const match = /^compliance:(\d{1,3}(?:\.\d)?):(\d{1,10})$/.exec(decoded);
  const compliancePercent = Number(match?.[1]);
  const storeId = Number(match?.[2]);
  if (!match || compliancePercent > 100 || !Number.isSafeInteger(storeId)) {
    throw new BadInputError('after is not a cursor returned by this list', 'after');
  }
  return { compliancePercent, storeId };
}
