import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppLogger } from './app-logger';

@Module({ providers: [AppLogger], exports: [AppLogger] })
class AppLoggerModule {}

/**
 * Structured JSON logs. Nest's own logger writes through nestjs-pino; inside a request it
 * takes the request's logger (set by `logRequests`, which the API mounts first), so every
 * line a request causes carries its id.
 */
@Module({
  imports: [
    AppLoggerModule,
    LoggerModule.forRootAsync({
      imports: [AppLoggerModule],
      inject: [AppLogger],
      useFactory: (logger: AppLogger) => ({ pinoHttp: { logger: logger.pino }, useExisting: true }),
    }),
  ],
  exports: [AppLoggerModule],
})
export class LoggingModule {}
