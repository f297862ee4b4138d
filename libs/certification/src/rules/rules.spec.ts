import { CertificationStatus, certificationStatus } from './certification-status';
import {
  formatCertificateNumber,
  formatVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
} from './certificate-codes';
import { expiringWithinEnd } from './expiring-within';
import { addMonths, initialExpiry, isCalendarMonthDay, RenewalBasis, renewedExpiry } from './renewal-dating';

const d = (iso: string) => new Date(iso);

describe('certification status', () => {
  const cert = { expiresAt: d('2027-06-01T00:00:00Z'), revokedAt: null, recertifyWindowDays: 60 };

  it('is active before the window, expiring inside it, expired at expiry', () => {
    expect(certificationStatus(cert, d('2027-03-01T00:00:00Z'))).toBe(CertificationStatus.ACTIVE);
    expect(certificationStatus(cert, d('2027-04-02T00:00:00Z'))).toBe(CertificationStatus.EXPIRING);
    expect(certificationStatus(cert, d('2027-06-01T00:00:00Z'))).toBe(CertificationStatus.EXPIRED);
  });

  it('is revoked whatever the dates', () => {
    expect(certificationStatus({ ...cert, revokedAt: d('2026-01-01T00:00:00Z') }, d('2026-02-01T00:00:00Z'))).toBe(
      CertificationStatus.REVOKED,
    );
  });
});

describe('expiring within N days', () => {
  // 11:00 on 10 March in Los Angeles (two days after the clocks went forward), 03:00 on 11 March in Tokyo.
  const now = d('2026-03-10T18:00:00Z');

  it('ends after the Nth calendar day from today in the zone, today being day 0', () => {
    expect(expiringWithinEnd(now, 7, 'America/Los_Angeles').toISOString()).toBe('2026-03-18T07:00:00.000Z');
    expect(expiringWithinEnd(now, 7, 'Asia/Tokyo').toISOString()).toBe('2026-03-18T15:00:00.000Z');
    expect(expiringWithinEnd(now, 0, 'America/Los_Angeles').toISOString()).toBe('2026-03-11T07:00:00.000Z');
    expect(expiringWithinEnd(now, 0, 'UTC').toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });

  it('counts days, not 24-hour spans, across a change of the clocks', () => {
    // 7 March, before the clocks go forward on the 8th: 3 days reach to the end of 10 March (PDT).
    expect(expiringWithinEnd(d('2026-03-07T20:00:00Z'), 3, 'America/Los_Angeles').toISOString()).toBe(
      '2026-03-11T07:00:00.000Z',
    );
  });
});

describe('renewal dating', () => {
  const rules = { validityMonths: 12, renewalBasis: RenewalBasis.PREVIOUS_EXPIRY, fixedExpiryDate: null };

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths(d('2026-01-31T10:00:00Z'), 1, 'UTC').toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(d('2027-12-15T00:00:00Z'), 12, 'UTC').toISOString()).toBe('2028-12-15T00:00:00.000Z');
    expect(addMonths(d('2026-01-31T10:00:00.250Z'), -2, 'UTC').toISOString()).toBe('2025-11-30T10:00:00.250Z');
  });

  it('extends an early renewal from the previous expiry', () => {
    const renewed = renewedExpiry(rules, d('2027-06-01T00:00:00Z'), d('2027-05-01T00:00:00Z'), 'UTC');
    expect(renewed.toISOString()).toBe('2028-06-01T00:00:00.000Z');
  });

  it('dates a renewal from completion when the programme says so', () => {
    const renewed = renewedExpiry(
      { ...rules, renewalBasis: RenewalBasis.COMPLETION },
      d('2027-06-01T00:00:00Z'),
      d('2027-05-01T00:00:00Z'),
      'UTC',
    );
    expect(renewed.toISOString()).toBe('2028-05-01T00:00:00.000Z');
  });

  it('starts a new cycle from completion when the renewal comes after expiry', () => {
    const renewed = renewedExpiry(rules, d('2027-06-01T00:00:00Z'), d('2027-07-10T00:00:00Z'), 'UTC');
    expect(renewed.toISOString()).toBe('2028-07-10T00:00:00.000Z');
  });

  it('puts every cycle on the fixed calendar date nearest to one validity period', () => {
    const fixed = { validityMonths: 12, renewalBasis: RenewalBasis.FIXED_DATE, fixedExpiryDate: '04-01' };
    expect(initialExpiry(fixed, d('2026-06-10T12:00:00Z'), 'UTC').toISOString()).toBe('2027-04-01T23:59:59.000Z');
    expect(initialExpiry(fixed, d('2026-03-10T12:00:00Z'), 'UTC').toISOString()).toBe('2027-04-01T23:59:59.000Z');
    expect(renewedExpiry(fixed, d('2027-04-01T23:59:59Z'), d('2027-02-15T00:00:00Z'), 'UTC').toISOString()).toBe(
      '2028-04-01T23:59:59.000Z',
    );
  });

  it("ends a fixed date with that day in the holder's zone, summer time included", () => {
    const fixed = { validityMonths: 12, renewalBasis: RenewalBasis.FIXED_DATE, fixedExpiryDate: '04-01' };
    expect(initialExpiry(fixed, d('2026-06-10T12:00:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2027-04-01T14:59:59.000Z',
    );
    expect(initialExpiry(fixed, d('2026-06-10T12:00:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2027-04-01T21:59:59.000Z',
    );
    expect(initialExpiry(fixed, d('2026-06-10T12:00:00Z'), 'America/Los_Angeles').toISOString()).toBe(
      '2027-04-02T06:59:59.000Z',
    );
    expect(renewedExpiry(fixed, d('2027-04-01T14:59:59Z'), d('2027-02-15T00:00:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2028-04-01T14:59:59.000Z',
    );
  });

  it('puts a fixed 29 February on the 28th in other years, not on 1 March', () => {
    const leapDay = { validityMonths: 12, renewalBasis: RenewalBasis.FIXED_DATE, fixedExpiryDate: '02-29' };
    expect(initialExpiry(leapDay, d('2026-03-10T12:00:00Z'), 'UTC').toISOString()).toBe('2027-02-28T23:59:59.000Z');
    expect(initialExpiry(leapDay, d('2027-03-10T12:00:00Z'), 'UTC').toISOString()).toBe('2028-02-29T23:59:59.000Z');
    expect(renewedExpiry(leapDay, d('2028-02-29T23:59:59Z'), d('2028-01-15T00:00:00Z'), 'UTC').toISOString()).toBe(
      '2029-02-28T23:59:59.000Z',
    );
  });

  it('knows which MM-DD are days of the calendar', () => {
    for (const monthDay of ['01-01', '02-29', '04-30', '12-31']) expect(isCalendarMonthDay(monthDay)).toBe(true);
    for (const monthDay of ['02-30', '04-31', '06-31', '09-31', '11-31', '00-10', '13-01', '01-00', '1-1', '']) {
      expect(isCalendarMonthDay(monthDay)).toBe(false);
    }
  });
});

describe('certificate codes', () => {
  it('makes distinct 26-character base32 verification codes', () => {
    const codes = new Set(Array.from({ length: 1000 }, newVerificationCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('accepts a code as a person types it', () => {
    const code = newVerificationCode();
    expect(normaliseVerificationCode(formatVerificationCode(code).toLowerCase())).toBe(code);
    expect(normaliseVerificationCode('not a code')).toBeNull();
  });

  it('numbers certificates per programme and year', () => {
    expect(formatCertificateNumber('LPF', 2026, 123)).toBe('LPF-2026-000123');
  });
});
