export interface MailMessage {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface MailReceipt {
  messageId: string;
  /** Where the message was written, when no SMTP server is configured. */
  outboxPath?: string;
}
