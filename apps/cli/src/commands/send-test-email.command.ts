import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Command } from 'commander';
import { BadInputError, QueueName, type SendTestEmailPayload, SystemJob } from '@lp/core';
import { isEmailAddress } from '@lp/organisation';
import { withCliContext } from '../cli-context';

export function registerSendTestEmail(program: Command): void {
  program
    .command('send-test-email')
    .summary('queue a test email to check the mail set-up')
    .description('queue a test email for the worker to send, to check the mail set-up end to end')
    .requiredOption('--to <email>', 'recipient')
    .action(async (options: { to: string }) => {
      const to = options.to.trim();
      if (!isEmailAddress(to)) throw new BadInputError(`--to: "${options.to}" is not an email address`, 'to');
      await withCliContext(async (context) => {
        const queue = context.get<Queue<SendTestEmailPayload>>(getQueueToken(QueueName.System));
        const job = await queue.add(SystemJob.SendTestEmail, { to });
        console.log(
          `Queued job ${job.id}; the worker sends it (see its log, or the outbox folder when SMTP_URL is unset).`,
        );
      });
    });
}
