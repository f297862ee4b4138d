import { Global, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';

const LONGEST_DELAY_MS = 2000;

/**
 * Whether this process's queue connections reconnect when Redis is lost: every 200 ms more,
 * at most every 2 s (BullMQ's own default backs off to 20 s), until the process shuts down.
 *
 * Then a lost connection must give up at its next attempt, failing what it holds offline,
 * before BullMQ closes it: closing a worker disconnects its blocking connection and waits
 * for its 'end', which ioredis never emits for a connection that is waiting to reconnect
 * (disconnect() only cancels the wait), so the shutdown would hang for as long as Redis
 * is down. A connection that is up is not affected and closes gracefully.
 */
@Injectable()
export class RedisReconnects implements OnModuleDestroy {
  private stopping?: Promise<void>;
  private lastAttemptAt = 0;

  readonly retryStrategy = (attempt: number): number | null => {
    if (this.stopping) return null;
    this.lastAttemptAt = Date.now();
    return Math.min(attempt * 200, LONGEST_DELAY_MS);
  };

  /**
   * Stops reconnecting; resolves once every lost connection has had its next attempt and
   * given up (at once when none was reconnecting). Call it before closing queues or workers.
   */
  stop(): Promise<void> {
    this.stopping ??= new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, this.lastAttemptAt + LONGEST_DELAY_MS + 250 - Date.now())),
    );
    return this.stopping;
  }

  /** Nest destroys modules before it closes the queues it registered (at application shutdown). */
  onModuleDestroy(): Promise<void> {
    return this.stop();
  }
}

@Global()
@Module({ providers: [RedisReconnects], exports: [RedisReconnects] })
export class RedisReconnectsModule {}
