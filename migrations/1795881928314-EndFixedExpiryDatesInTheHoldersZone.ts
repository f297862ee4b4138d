import { MigrationInterface, QueryRunner } from 'typeorm';

interface FixedExpiry {
  id: number;
  day: string;
  timezone: string;
}

const IDS_PER_UPDATE = 1000;

/** Minutes the zone is ahead of UTC at an instant, as ICU knows it. */
function offsetMinutes(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((wallClock - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The last second of a calendar day (YYYY-MM-DD) in a zone. */
function endOfDay(day: string, zone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const nextMidnightAsUtc = Date.UTC(year, month - 1, date + 1);
  let instant = nextMidnightAsUtc - offsetMinutes(nextMidnightAsUtc, zone) * 60_000;
  instant = nextMidnightAsUtc - offsetMinutes(instant, zone) * 60_000;
  return new Date(instant - 1000);
}

/**
 * A programme's fixed expiry date used to end at 23:59:59 UTC, which is the next morning
 * east of Greenwich and the afternoon before west of it: the emails and the web app showed
 * another day than the PDF. It now ends with that day in the holder's store's zone; the
 * cycles dated the old way move to that moment, and their open refreshers (due at the
 * expiry) with them. Holders in UTC, or in a zone the runtime does not know (read as UTC
 * everywhere), keep theirs. A data fix: `down` leaves it, as the old moment was the mistake.
 */
export class EndFixedExpiryDatesInTheHoldersZone1795881928314 implements MigrationInterface {
  name = 'EndFixedExpiryDatesInTheHoldersZone1795881928314';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: FixedExpiry[] = await queryRunner.query(`
            SELECT c.id, DATE_FORMAT(c.expires_at, '%Y-%m-%d') AS day, s.timezone
              FROM certifications c
              JOIN certification_programs p ON p.id = c.program_id AND p.renewal_basis = 'FIXED_DATE'
              JOIN employees e ON e.id = c.employee_id
              JOIN stores s ON s.id = e.store_id
             WHERE TIME(c.expires_at) = '23:59:59' AND s.timezone <> 'UTC'
        `);
    const idsByMoment = new Map<number, number[]>();
    for (const row of rows) {
      let moment: Date;
      try {
        moment = endOfDay(row.day, row.timezone);
      } catch {
        continue; // a zone the runtime does not know
      }
      const ids = idsByMoment.get(moment.getTime()) ?? [];
      ids.push(row.id);
      idsByMoment.set(moment.getTime(), ids);
    }
    for (const [moment, ids] of idsByMoment) {
      for (let start = 0; start < ids.length; start += IDS_PER_UPDATE) {
        const chunk = ids.slice(start, start + IDS_PER_UPDATE);
        const inChunk = chunk.map(() => '?').join(',');
        // An open refresher is due at its cycle's expiry: it moves with it.
        await queryRunner.query(
          `UPDATE assignments a
             JOIN certifications c
               ON c.employee_id = a.employee_id AND c.program_id = a.program_id AND a.due_at = c.expires_at
              SET a.due_at = ?
            WHERE c.id IN (${inChunk}) AND a.reason = 'REFRESHER' AND a.status IN ('ASSIGNED', 'IN_PROGRESS')`,
          [new Date(moment), ...chunk],
        );
        await queryRunner.query(`UPDATE certifications SET expires_at = ? WHERE id IN (${inChunk})`, [
          new Date(moment),
          ...chunk,
        ]);
      }
    }
  }

  public async down(): Promise<void> {
    // Nothing to undo: see above.
  }
}
