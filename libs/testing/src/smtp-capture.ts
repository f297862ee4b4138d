import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server inside the test process: the code under test connects to it over
 * TCP exactly as it would to a production relay, and the test reads what arrived.
 */
export class SmtpCapture {
  readonly messages: ParsedMail[] = [];
  private server?: SMTPServer;
  private waiters: { count: number; resolve: () => void }[] = [];
  /** When set, the server answers every message with this error… */
  rejectWith?: string;
  /** …or only this many of the next ones, when set… */
  rejectCount?: number;
  /** …with this reply code: 550 (refused for good) unless set, e.g. 451 for "try again later". */
  rejectCode?: number;
  /** Addresses the server refuses at RCPT TO with 550 (no such mailbox), taking the message for the others. */
  readonly unknownMailboxes = new Set<string>();
  /** How long the server takes to accept each message, to catch a send in flight. */
  delayMs = 0;

  get url(): string {
    const { port } = this.server!.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.unknownMailboxes.has(address.address)) return callback();
        callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      },
      onData: (stream, _session, callback) => {
        if (this.rejectWith && (this.rejectCount === undefined || this.rejectCount > 0)) {
          if (this.rejectCount !== undefined) this.rejectCount -= 1;
          stream.resume();
          stream.on('end', () =>
            callback(Object.assign(new Error(this.rejectWith), { responseCode: this.rejectCode ?? 550 })),
          );
          return;
        }
        simpleParser(stream)
          .then(async (mail) => {
            if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            this.messages.push(mail);
            this.waiters = this.waiters.filter((w) => (this.messages.length >= w.count ? (w.resolve(), false) : true));
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Resolves once `count` messages have arrived in all, or fails after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Expected ${count} email(s), received ${this.messages.length}`)),
        timeoutMs,
      );
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
