import { Injectable } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { AppConfig } from '../config';

/**
 * Nest's own start-up lines at info, one per module and route: about a hundred per `npm start`,
 * burying the lines an operator looks for. Shown from LOG_LEVEL=debug.
 */
const NEST_START_UP = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'GraphQLModule',
]);

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
      hooks: {
        logMethod(args, write, level) {
          const context = (args[0] as { context?: unknown } | undefined)?.context;
          const startUp = level === this.levels.values.info && NEST_START_UP.has(context as string);
          if (!startUp || this.isLevelEnabled('debug')) write.apply(this, args);
        },
      },
      transport: config.isDevelopment
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
        : undefined,
    });
  }
}
