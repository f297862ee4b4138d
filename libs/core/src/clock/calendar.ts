/** Days in a month of the Gregorian calendar; `month` counts from 1 (February is 2). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
