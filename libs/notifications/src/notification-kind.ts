/**
 * What a notification is about. Stored as text, so a domain adds a kind by planning it and
 * registering its template; these are the kinds LP Academy knows today.
 */
export const NotificationKind = {
  /** An assignment's due date is coming (offset key: days before and the date, e.g. `D7@2026-03-01`). */
  ASSIGNMENT_DUE: 'ASSIGNMENT_DUE',
  /** An assignment is past due; repeats weekly (offset key: `OVERDUE-1@2026-03-01`, `OVERDUE-2@…`). */
  ASSIGNMENT_OVERDUE: 'ASSIGNMENT_OVERDUE',
  /** Overdue work reported to the store's manager, or to those standing in for a store without one. */
  ESCALATION: 'ESCALATION',
  /** A certification's expiry is coming (offset key: days before and the date, e.g. `D30@2026-03-01`). */
  CERTIFICATION_EXPIRING: 'CERTIFICATION_EXPIRING',
  /** A certification has expired. */
  CERTIFICATION_EXPIRED: 'CERTIFICATION_EXPIRED',
  /** A store manager's weekly summary, or a stand-in's of the stores without one (offset key: ISO week, e.g. `2026-W03`). */
  WEEKLY_DIGEST: 'WEEKLY_DIGEST',
} as const;

/** The record a notification is about, so completing or renewing it can cancel what is pending. */
export const NotificationSubjectType = {
  ASSIGNMENT: 'ASSIGNMENT',
  CERTIFICATION: 'CERTIFICATION',
  STORE: 'STORE',
  EMPLOYEE: 'EMPLOYEE',
} as const;

export type NotificationSubjectTypeName = (typeof NotificationSubjectType)[keyof typeof NotificationSubjectType];

/** Kinds are SCREAMING_SNAKE_CASE words, at most 40 characters (the column's width). */
export const NOTIFICATION_KIND_PATTERN = /^[A-Z][A-Z0-9_]{0,39}$/;
