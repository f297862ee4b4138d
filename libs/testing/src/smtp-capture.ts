import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived, with the addresses the server took it for (RCPT TO), whatever its headers say. */
export type CapturedMail = ParsedMail & { envelopeTo: string[] };

/**
 * A real SMTP server inside the test process: the code under test connects to it over
 * TCP exactly as it would to a production relay, and the test reads what arrived.
 */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
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
  /** Addresses the server defers at RCPT TO with 450 (greylisting), each for this many more tries. */
  readonly deferredMailboxes = new Map<string, number>();
  /** When set, the server answers each new connection with 421 and this text, and hangs up. */
  refuseConnections?: string;
  /** How long the server takes to accept each message, to catch a send in flight. */
  delayMs = 0;
  /** How long the server keeps quiet before answering RCPT TO: a relay that hangs. */
  rcptDelayMs = 0;
  /**
   * When set, the server falls silent there on every connection and never answers: it takes
   * the connection but never greets, or never answers MAIL FROM.
   */
  silentAt?: 'greeting' | 'MAIL FROM';

  /** Connections opened to it since the test began. */
  connections = 0;

  /** The port it listens on, kept after `stop()` so that `start()` comes back on it. */
  port = 0;

  get listening(): boolean {
    return this.server?.server.listening ?? false;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // stop() tells the connections still open that the server is going, at once.
      closeTimeout: 1,
      onConnect: (_session, callback) => {
        this.connections += 1;
        if (this.silentAt === 'greeting') return;
        if (!this.refuseConnections) return callback();
        callback(Object.assign(new Error(this.refuseConnections), { responseCode: 421 }));
      },
      onMailFrom: (_address, _session, callback) => {
        if (this.silentAt !== 'MAIL FROM') callback();
      },
      onRcptTo: (address, _session, callback) => {
        if (this.rcptDelayMs === 0) return this.answerRcpt(address.address, callback);
        // A client that gave up is gone: the late answer must not keep the test process alive.
        setTimeout(() => this.answerRcpt(address.address, callback), this.rcptDelayMs).unref();
      },
      onData: (stream, session, callback) => {
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
            this.messages.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
            this.waiters = this.waiters.filter((w) => (this.messages.length >= w.count ? (w.resolve(), false) : true));
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  private answerRcpt(address: string, callback: (error?: Error) => void): void {
    if (this.unknownMailboxes.has(address)) {
      return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
    }
    const deferrals = this.deferredMailboxes.get(address) ?? 0;
    if (deferrals === 0) return callback();
    this.deferredMailboxes.set(address, deferrals - 1);
    callback(Object.assign(new Error('4.2.0 Greylisted, try again later'), { responseCode: 450 }));
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
    this.connections = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
