import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * The worker process: BullMQ processors plus a small HTTP server for /health. Shutdown
 * hooks close the BullMQ workers, which wait for the running job to finish.
 */
export async function createWorker(options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.forRoot(), {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) {
    app.useLogger(app.get(Logger));
    // Nest flushes the log it buffered while starting only in app.listen(), which main.ts does not
    // call (listenOnPort): without this, every later line was buffered, never printed, and kept.
    app.flushLogs();
  }
  app.enableShutdownHooks();
  return app;
}
