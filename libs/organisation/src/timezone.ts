/** Whether the runtime's ICU knows the IANA zone (e.g. Europe/Paris, America/New_York). */
export function isKnownTimezone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
