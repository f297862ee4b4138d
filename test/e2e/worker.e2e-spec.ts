import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName, redisConnectionOptions, type SendTestEmailPayload, SystemJob, setEnvironment } from '@lp/core';
import { prepareTestEnvironment, SmtpCapture, type TestEnvironment } from '@lp/testing';
import { createWorker } from '../../apps/worker/src/create-worker';

describe('the worker', () => {
  const smtp = new SmtpCapture();
  let worker: INestApplication | undefined;
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await prepareTestEnvironment();
    await smtp.start();
    setEnvironment({ SMTP_URL: smtp.url });
    worker = await createWorker({ logger: false });
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await smtp.stop();
    setEnvironment({ SMTP_URL: undefined });
  });

  it('reports its own health', async () => {
    const response = await request(worker!.getHttpServer()).get('/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
  });

  it('takes a job from Redis and delivers its email over SMTP', async () => {
    const queue = worker!.get<Queue<SendTestEmailPayload>>(getQueueToken(QueueName.System));
    const job = await queue.add(SystemJob.SendTestEmail, { to: 'operator@example.test' });

    await smtp.waitFor(1);
    expect(smtp.messages[0].subject).toBe('LP Academy test email');
    expect(smtp.messages[0].text).toContain('can send email');
    const state = await waitForState(queue, job.id!, 'completed');
    expect(state).toBe('completed');
  });

  it('finishes the running job before it shuts down', async () => {
    const queue = worker!.get<Queue<SendTestEmailPayload>>(getQueueToken(QueueName.System));
    const before = smtp.messages.length;
    smtp.delayMs = 1500;
    const job = await queue.add(SystemJob.SendTestEmail, { to: 'slow@example.test' });
    await waitForState(queue, job.id!, 'active');

    await worker!.close();
    worker = undefined;

    expect(smtp.messages.length).toBe(before + 1);
    const producer = new Queue(QueueName.System, {
      connection: redisConnectionOptions(env.redisUrl),
      prefix: env.queuePrefix,
    });
    expect(await producer.getJobState(job.id!)).toBe('completed');
    await producer.close();
  });
});

async function waitForState(queue: Queue, jobId: string, wanted: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const state = await queue.getJobState(jobId);
    if (state === wanted) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return queue.getJobState(jobId);
}
