import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../../../shared/api/define';
import type { EventHub } from '../api/event-hub';

const HEARTBEAT_MS = 15_000;
/** How long EventSource waits before reconnecting after the host went away. */
const RETRY_MS = 1_000;

export interface HelloPayload {
  /** Random per host start: a changed value tells the page the host restarted and it should refetch. */
  instance: string;
  role: Role;
  version: string;
}

export function formatEvent(name: string, payload: unknown): string {
  // JSON.stringify never emits raw newlines, so one `data:` line always suffices.
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * One Server-Sent Events stream. Each open stream holds one of the browser's six HTTP/1.1
 * connections to this origin, so a page opens exactly one and multiplexes every event over it.
 * Returns a function that ends the stream (used when the host closes).
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  options: { role: Role; hub: EventHub; hello: HelloPayload; heartbeatMs?: number; onClosed: () => void },
): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);
  res.write(`retry: ${RETRY_MS}\n\n`);
  res.write(formatEvent('hello', options.hello));

  const unsubscribe = options.hub.subscribe(options.role, (name, payload) => {
    res.write(formatEvent(name, payload));
  });
  // A comment line keeps idle proxies and the OS from dropping the connection and lets a
  // dead client be noticed by the failed write.
  const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    options.onClosed();
  };
  res.on('close', cleanup);
  res.on('error', cleanup);
  return () => {
    cleanup();
    res.end();
  };
}
