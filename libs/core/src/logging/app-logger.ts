import { Injectable } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { AppConfig } from '../config';

/**
 * The process's one pino logger: Nest's log lines and the API's request lines share its
 * level, redaction and output. JSON in production and tests (silent there), readable
 * single lines in development.
 */
@Injectable()
export class AppLogger {
  readonly pino: Logger;

  constructor(config: AppConfig) {
    this.pino = pino({
      level: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL,
      redact: ['*.password', '*.token'],
      transport: config.isDevelopment
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
        : undefined,
    });
  }
}
