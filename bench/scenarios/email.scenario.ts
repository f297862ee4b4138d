import { createTransport } from 'nodemailer';
import { MailConfig, MailService, readConfig } from '@lp/core';
import type { MailMessage } from '@lp/core';
import type { Scenario } from '../lib/context';
import { rateRow } from '../lib/results';
import { SmtpSink } from '../lib/smtp-sink';

/** The pool MailService opens; the bare baseline gets the same, so only our layer differs. */
const POOL = { pool: true, maxConnections: 5 };

function messages(count: number): MailMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    to: `learner${i}@bench.lp-academy.test`,
    subject: `Reminder: LP Basics is due in 7 days (${i})`,
    text: 'Hello,\n\nLP Basics is due on 4 December. Open LP Academy to continue.\n',
    html: '<p>Hello,</p><p><strong>LP Basics</strong> is due on 4 December. <a href="http://localhost:3000">Open LP Academy</a> to continue.</p>',
  }));
}

async function rate(send: (message: MailMessage) => Promise<unknown>, batch: MailMessage[]): Promise<number> {
  const started = performance.now();
  await Promise.all(batch.map(send));
  return batch.length / ((performance.now() - started) / 1000);
}

/** 5: MailService into an in-process SMTP server vs bare nodemailer with the same pool, same messages. */
export const emailScenario: Scenario = {
  name: '5 email: MailService vs bare nodemailer',
  target: 0.7,
  nextStep: 'check that smtp-server can listen on 127.0.0.1',
  async run(context) {
    const sink = await new SmtpSink().start();
    const config = Object.assign(readConfig(MailConfig), { SMTP_URL: sink.url });
    const service = new MailService(config);
    // The pool's options beside the url, as MailService passes them: a second argument would be the messages' defaults.
    const bare = createTransport({ url: sink.url, ...POOL });
    try {
      const batch = messages(context.settings.emails);
      const warmup = batch.slice(0, Math.min(20, batch.length));
      const bareSend = (m: MailMessage) => bare.sendMail({ from: config.MAIL_FROM, ...m });
      const ourSend = (m: MailMessage) => service.send(m);
      await rate(bareSend, warmup);
      await rate(ourSend, warmup);
      const baseline = await rate(bareSend, batch);
      const ours = await rate(ourSend, batch);
      return [rateRow(this.name, 'mails/s', ours, baseline, this.target!, `${batch.length} messages each way`)];
    } finally {
      service.onModuleDestroy();
      bare.close();
      await sink.close();
    }
  },
};
