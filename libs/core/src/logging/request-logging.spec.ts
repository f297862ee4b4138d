import { Writable } from 'node:stream';
import { Controller, Get, Logger, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { pino } from 'pino';
import request from 'supertest';
import { AppLogger } from './app-logger';
import { LoggingModule } from './logging.module';
import { logRequests } from './request-logging';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string; remoteAddress: string; userAgent?: string };
  res?: { statusCode: number };
  responseTime?: number;
  context?: string;
}

@Controller()
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Get('work')
  work(): string {
    this.logger.log('working on it');
    return 'done';
  }

  @Post('fail')
  fail(): never {
    throw new Error('boom');
  }

  @Get('health')
  health(): string {
    return 'ok';
  }

  @Get('accept-invite')
  acceptInvite(): string {
    return '<html></html>';
  }
}

@Module({ imports: [LoggingModule], controllers: [ProbeController] })
class ProbeModule {}

describe('request logging', () => {
  let app: INestApplication;
  let lines: LogLine[];

  beforeAll(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as LogLine);
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] })
      .overrideProvider(AppLogger)
      .useValue({ pino: logger })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    // As the API does (configure-http.ts): the request middleware first, Nest's logs through pino.
    app.use(logRequests(logger, { ignore: (path) => path === '/health' }));
    await app.init();
    app.useLogger(app.get(PinoNestLogger));
  });
  afterAll(() => app.close());
  beforeEach(() => lines.splice(0));

  const requestLines = () => lines.filter((line) => line.req);

  it('answers a generated id and logs one line for the request', async () => {
    const response = await request(app.getHttpServer()).get('/work').set('user-agent', 'till-7');
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        reqId: id,
        req: expect.objectContaining({ method: 'GET', url: '/work', userAgent: 'till-7' }),
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('gives what the request logs on its way the same id', async () => {
    const response = await request(app.getHttpServer()).get('/work');
    const logged = lines.find((line) => line.msg === 'working on it');
    expect(logged).toEqual(expect.objectContaining({ context: 'Probe', reqId: response.headers['x-request-id'] }));
  });

  it("keeps a client's well-formed x-request-id and replaces a malformed one", async () => {
    const kept = await request(app.getHttpServer()).get('/work').set('x-request-id', 'ticket-4711');
    expect(kept.headers['x-request-id']).toBe('ticket-4711');
    const replaced = await request(app.getHttpServer()).get('/work').set('x-request-id', 'no spaces <or> tags');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines().map((line) => line.reqId)).toEqual(['ticket-4711', replaced.headers['x-request-id']]);
  });

  it('logs a server error at error level', async () => {
    await request(app.getHttpServer()).post('/fail').expect(500);
    expect(requestLines()).toEqual([
      expect.objectContaining({ level: 50, msg: 'request errored', res: { statusCode: 500 } }),
    ]);
  });

  it('keeps the token of an invite link out of the log, which would let anyone reading it set the password', async () => {
    const token = 'Zm9yLXRoZS1pbnZpdGVkLWVtcGxveWVlLW9ubHktMzJieXRlcw';
    await request(app.getHttpServer()).get(`/accept-invite?token=${token}&from=email`).expect(200);
    await request(app.getHttpServer()).get(`/accept-invite?TOKEN=${token}`).expect(200);
    expect(requestLines().map((line) => line.req!.url)).toEqual([
      '/accept-invite?token=[Redacted]&from=email',
      '/accept-invite?TOKEN=[Redacted]',
    ]);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('keeps out of the log the token of an invite link emailed before links moved to /accept-invite', async () => {
    const token = 'c2VudC1iZWZvcmUtdGhlLXVwZ3JhZGUtc3RpbGwtdmFsaWQtNzJo';
    await request(app.getHttpServer()).get(`/invite/${token}`);
    await request(app.getHttpServer()).get(`/invite/${token}?utm_source=email`);
    expect(requestLines().map((line) => line.req!.url)).toEqual([
      '/invite/[Redacted]',
      '/invite/[Redacted]?utm_source=email',
    ]);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('does not log the load balancers polling /health, but still answers an id', async () => {
    const response = await request(app.getHttpServer()).get('/health');
    expect(response.headers['x-request-id']).toBeDefined();
    expect(requestLines()).toEqual([]);
  });
});
