/**
 * Zones found known so far. ICU's list is fixed for the life of the process, and asking
 * it builds a formatter, which costs more than the rest of planning a reminder.
 */
const knownZones = new Set<string>();

/** Whether the runtime's ICU knows the IANA zone (e.g. Europe/Paris, America/New_York). */
export function isKnownTimezone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

/** Stores from old data may carry a zone the runtime does not know; they are treated as UTC. */
export const FALLBACK_TIMEZONE = 'UTC';

export interface ResolvedTimezone {
  timezone: string;
  /** False when the stored zone was unknown and UTC stands in for it (the caller logs it). */
  known: boolean;
}

export function resolveTimezone(zone: string | null | undefined): ResolvedTimezone {
  if (zone && isKnownTimezone(zone)) return { timezone: zone, known: true };
  return { timezone: FALLBACK_TIMEZONE, known: false };
}
