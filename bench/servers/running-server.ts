import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server the bench drives: where it listens and how to stop it. */
export interface RunningServer {
  url: string;
  /** Its process, to read its memory from /proc. */
  pid: number;
  close(): Promise<void>;
}

export function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
