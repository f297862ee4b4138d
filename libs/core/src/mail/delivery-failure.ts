import type { RefusedAddress } from './mail-message';

/** What nodemailer puts on the errors of a send. */
interface SmtpError {
  message?: unknown;
  code?: unknown;
  command?: unknown;
  response?: unknown;
  responseCode?: unknown;
  rejectedErrors?: { recipient?: string; response?: string }[];
}

/** What the server refused, by the command it answered. */
const REFUSED_PART: Record<string, string> = {
  CONN: 'the connection',
  'MAIL FROM': 'the sender (MAIL_FROM)',
  'RCPT TO': 'the recipients',
  DATA: 'the message',
};

function refusedPart(command: string): string {
  if (command.startsWith('AUTH')) return 'the login (SMTP_URL)';
  return REFUSED_PART[command] ?? `the command ${command}`;
}

/** "the mail server refused a@x: 550 5.1.1 No such mailbox", for one address or more. */
export function refusedRecipients(refused: Pick<RefusedAddress, 'address' | 'reason'>[]): string {
  return `the mail server refused ${refused.map((r) => `${r.address}: ${r.reason}`).join('; ')}`;
}

/**
 * Why an attempt failed, as a phrase HR and IT can act on: the addresses the server
 * refused and its answer, that it could not be reached or did not answer in time, or what
 * it refused (the message, the sender, the login) with its answer.
 */
export function describeFailure(error: unknown): string {
  const { message, code, command, response, rejectedErrors } = (error ?? {}) as SmtpError;
  // Read by shape: an error of Node's sockets may come from another realm (as under Jest),
  // where `instanceof Error` is false.
  const text = typeof message === 'string' ? message : String(error);
  let phrase = text;
  if (Array.isArray(rejectedErrors) && rejectedErrors.length > 0) {
    phrase = refusedRecipients(rejectedErrors.map((e) => ({ address: e.recipient ?? '', reason: e.response ?? '' })));
  } else if (code === 'ETIMEDOUT') {
    phrase = `the mail server did not answer in time (${text})`;
  } else if (typeof response === 'string' && typeof command === 'string') {
    phrase = `the mail server refused ${refusedPart(command)}: ${response}`;
  } else if (command === 'CONN') {
    phrase = `the mail server could not be reached: ${text}`;
  }
  return phrase;
}

/**
 * Whether the SMTP server refused this message or its recipient for good: a 5xx answer to
 * RCPT TO or DATA, which the same message would get again. A 4xx answer, a refused login
 * or sender (the server's set-up, which someone may fix) and a server that cannot be
 * reached are worth trying again.
 */
export function refusedForGood(error: unknown): boolean {
  const { responseCode, command } = (error ?? {}) as SmtpError;
  return (
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600 &&
    (command === 'RCPT TO' || command === 'DATA')
  );
}

/** A refusal the server may take back later (4xx: greylisting, a full mailbox). */
export function refusedForNow(refused: RefusedAddress): boolean {
  return refused.responseCode !== undefined && refused.responseCode >= 400 && refused.responseCode < 500;
}

/** A phrase of describeFailure as the start of a sentence. */
export function sentence(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
