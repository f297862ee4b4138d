import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig, HttpConfig, readConfig, WebConfig } from '@lp/core';
import { AppModule } from './app.module';
import { configureHttp } from './http/configure-http';

/** Builds the API application (without listening), shared by main.ts and the e2e tests. */
export async function createApi(options: { logger?: boolean } = {}): Promise<INestApplication> {
  const config = readConfig(AppConfig);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ graphiql: !config.isProduction }), {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
  });
  if (options.logger !== false) {
    app.useLogger(app.get(Logger));
    // Nest flushes the log it buffered while starting only in app.listen(), which main.ts does not
    // call (listenOnPort): without this, every later line was buffered, never printed, and kept.
    app.flushLogs();
  }
  configureHttp(app, readConfig(HttpConfig), readConfig(WebConfig));
  app.enableShutdownHooks();
  return app;
}
