import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { MailConfig } from '../config';
import { timeLeftMs } from '../database/statement-deadline';
import type { MailMessage, MailReceipt, RefusedAddress } from './mail-message';

interface SmtpSendInfo {
  rejected?: (string | { address: string })[];
  rejectedErrors?: { recipient?: string; response?: string; responseCode?: number; message: string }[];
}

/** The recipients the server refused at RCPT TO while it accepted the message for the others. */
function refusedAddresses(info: SmtpSendInfo): RefusedAddress[] {
  return (info.rejected ?? []).map((recipient) => {
    const address = typeof recipient === 'string' ? recipient : recipient.address;
    const error = info.rejectedErrors?.find((e) => e.recipient === address);
    return { address, reason: error?.response ?? error?.message ?? 'refused', responseCode: error?.responseCode };
  });
}

/** The most a request keeps back from its email's time, to record whether it went and answer. */
const ANSWER_RESERVE_MS = 1000;

/**
 * How long an email sent inside a request may take: what is left of the request's deadline
 * but a moment to record the outcome and answer (a quarter of what is left, a second at most).
 */
function sendingTimeMs(left: number): number {
  return Math.max(0, Math.floor(left - Math.min(ANSWER_RESERVE_MS, left / 4)));
}

/** A send given up at the request's deadline, as describeFailure reads a server that did not answer in time. */
function deadlineError(sendingMs: number): Error {
  const seconds = (sendingMs / 1000).toFixed(1);
  return Object.assign(new Error(`gave up after ${seconds} s to answer within the request's time limit`), {
    code: 'ETIMEDOUT',
  });
}

/**
 * Sends email through pooled SMTP when SMTP_URL is set; otherwise writes each message as
 * an .eml file to the outbox folder so a new installation needs no mail server.
 *
 * An email sent inside a request (an invite) is given up before the request's deadline:
 * SMTP_TIMEOUT_SECONDS bounds each step of a conversation, so a silent or trickling server
 * would otherwise hold the request for minutes. Giving up closes the connection carrying it;
 * a server that had the whole message but not yet said so may still deliver it.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly outboxDir?: string;

  constructor(private readonly config: MailConfig) {
    if (config.SMTP_URL) {
      // The options go beside the url: a second argument would be the messages' defaults.
      // nodemailer's own limits (2 minutes to connect, 10 of silence) would let a hung relay
      // hold a send, and a shutdown waiting for it, that long.
      const timeout = config.SMTP_TIMEOUT_SECONDS * 1000;
      this.transport = createTransport({
        url: config.SMTP_URL,
        pool: true,
        maxConnections: 5,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
    } else {
      this.outboxDir = resolve(config.MAIL_OUTBOX_DIR);
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  get usesOutbox(): boolean {
    return this.outboxDir !== undefined;
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const left = timeLeftMs();
    const sendingMs = left === undefined ? undefined : sendingTimeMs(left);
    const signal = sendingMs === undefined ? undefined : AbortSignal.timeout(sendingMs);
    const info = await this.transport
      .sendMail({
        from: this.config.MAIL_FROM,
        to: message.to,
        cc: message.cc,
        subject: message.subject,
        text: message.text,
        html: message.html,
        signal,
      })
      .catch((error: unknown) => {
        throw sendingMs !== undefined && signal?.aborted ? deadlineError(sendingMs) : error;
      });
    if (!this.outboxDir) return { messageId: info.messageId, refused: refusedAddresses(info) };

    await mkdir(this.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outboxPath = join(this.outboxDir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
    await writeFile(outboxPath, (info as unknown as { message: Buffer }).message);
    this.logger.log({ outboxPath, to: message.to, subject: message.subject }, 'Email written to the outbox');
    return { messageId: info.messageId, refused: [], outboxPath };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
