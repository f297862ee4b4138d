/** Jobs of the `system` queue. */
export enum SystemJob {
  /** Sends one test message so an operator can check the mail set-up end to end. */
  SendTestEmail = 'SendTestEmail',
}

export interface SendTestEmailPayload {
  to: string;
}
