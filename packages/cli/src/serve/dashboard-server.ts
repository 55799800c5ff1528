import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A running dashboard server. */
export interface DashboardServer {
  /** Base URL (`http://127.0.0.1:4780`). */
  url: string;
  /** Port it listens on (useful with port 0). */
  port: number;
  /** Stop listening and close open connections. */
  close(): Promise<void>;
}

/** True for hosts only this machine can reach (no token needed there). */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host)
  );
}

/** Listen on `host:port` with Node's HTTP server; resolves once listening, rejects on EADDRINUSE etc. */
export function startDashboardServer(
  app: Hono,
  options: { host: string; port: number },
): Promise<DashboardServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port });
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${hostText}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
