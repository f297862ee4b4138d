import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName, type SendTestEmailPayload, SystemJob, setEnvironment } from '@lp/core';
import { prepareTestEnvironment, SmtpCapture } from '@lp/testing';
import { createWorker } from '../../apps/worker/src/create-worker';

describe('the worker', () => {
  const smtp = new SmtpCapture();
  let worker: INestApplication;

  beforeAll(async () => {
    await prepareTestEnvironment();
    await smtp.start();
    setEnvironment({ SMTP_URL: smtp.url });
    worker = await createWorker({ logger: false });
    await worker.init();
  });

  afterAll(async () => {
    await worker.close();
    await smtp.stop();
    setEnvironment({ SMTP_URL: undefined });
  });

  it('reports its own health', async () => {
    const response = await request(worker.getHttpServer()).get('/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
  });

  it('takes a job from Redis and delivers its email over SMTP', async () => {
    const queue = worker.get<Queue<SendTestEmailPayload>>(getQueueToken(QueueName.System));
    const job = await queue.add(SystemJob.SendTestEmail, { to: 'operator@example.test' });

    await smtp.waitFor(1);
    expect(smtp.messages[0].subject).toBe('LP Academy test email');
    expect(smtp.messages[0].text).toContain('can send email');
    const state = await waitForState(queue, job.id!, 'completed');
    expect(state).toBe('completed');
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
