export interface MailMessage {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
}

/** An address the SMTP server refused while it took the message for the others. */
export interface RefusedAddress {
  address: string;
  /** The server's answer, e.g. "550 5.1.1 No such user". */
  reason: string;
  /** Its reply code: 4xx when the server may take it later (greylisting, a full mailbox), 5xx for good. */
  responseCode?: number;
}

export interface MailReceipt {
  messageId: string;
  refused: RefusedAddress[];
  /** Where the message was written, when no SMTP server is configured. */
  outboxPath?: string;
}
