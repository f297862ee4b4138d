import type { EntityManager } from 'typeorm';

/** What a template's loader may read about the notification it renders. */
export interface NotificationToRender {
  id: number;
  kind: string;
  recipientId: number;
  subjectType: string;
  subjectId: number;
  offsetKey: string;
  plannedAt: Date;
  templateData: Record<string, unknown>;
}

/**
 * The email of one notification kind, as Handlebars sources. Each template sees the
 * notification's `templateData`, whatever `load` returns, and:
 * `recipient.firstName`, `recipient.lastName`, `store.name`, `timezone`, `appUrl`, `plannedAt`.
 * Helpers: `{{date value}}` and `{{dateTime value}}` in the store's timezone (or in the
 * zone given as `zone=`, e.g. the store of the person the email is about), `{{zoneName zone}}`
 * ("New York time"),
 * `{{daysUntil value}}` (local calendar days from the moment of sending) and
 * `{{appLink "path" id…}}`. A variable the template names but the context lacks fails
 * the rendering (strict mode) rather than sending an email with a hole in it.
 */
export interface NotificationTemplate extends EmailSources {
  kind: string;
  /**
   * Reads what the email shows from the subject's own tables (a course title, a due date),
   * so the email is current when it is sent. Resolves null when there is nothing to send
   * any more (the subject is gone or closed), which cancels the notification. A `reason` it
   * returns (why this recipient, null for none) is kept on the row once sent, so HR's list
   * says what the email said.
   */
  load?(manager: EntityManager, notification: NotificationToRender): Promise<Record<string, unknown> | null>;
  /** Why nothing was sent when `load` resolved null, as HR's notifications list shows it. */
  notLoadedBecause?: string;
  /**
   * Who is copied, read when the email is sent, for a kind whose copies follow the subject
   * (the managers of the holder's store): called instead of copying the people planned,
   * for a notification planned with copies (`ccEmployeeIds` a list, even an empty one: the
   * store may have a manager by the time it is sent).
   */
  copies?(manager: EntityManager, notification: NotificationToRender): Promise<number[]>;
  /**
   * The one email for several notifications of this kind to one recipient due at once (a
   * stand-in's escalations held for the morning): each is loaded as alone, and those left are
   * sent in it and marked sent with it. It sees `items` (each one's values, as its own email
   * would), `count` and `reasons` (the distinct `reason`s), with the context above; copies
   * follow the first. Without it, each notification is an email of its own.
   */
  together?: EmailSources;
}

/** An email's Handlebars sources. */
export interface EmailSources {
  /** Plain text, one line. */
  subject: string;
  /** Plain-text body; not HTML-escaped. */
  text: string;
  /** HTML body (inside the common layout); values are HTML-escaped. */
  html: string;
}

/**
 * Whether an assignment reminder's subject is still due when the reminder said (its
 * templateData.dueAt): a planning run that read the old due date before a manager moved it
 * may write its reminder after the move has cancelled the others.
 */
export function stillDueAsPlanned(notification: NotificationToRender, dueAt: Date): boolean {
  return new Date(String(notification.templateData.dueAt)).getTime() === dueAt.getTime();
}
