/** Client side of the local control channel, used by stationctl. */
import { connect } from 'node:net';
import { type ErrorCode, LoaError } from '../core/errors.js';
import type { Response } from './local.js';

export async function callLocal(
  path: string,
  method: string,
  params?: unknown,
  timeoutMs = 15_000,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const sock = connect(path);
    let buf = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(
        new LoaError('UNAVAILABLE', `station daemon at ${path} did not answer within ${timeoutMs / 1000} s`),
      );
    }, timeoutMs);
    sock.on('connect', () => sock.write(`${JSON.stringify({ id: 1, method, params })}\n`));
    sock.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new LoaError('UNAVAILABLE', `station daemon not reachable at ${path} (${e.code ?? e.message})`));
    });
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      sock.end();
      const r = JSON.parse(buf.slice(0, nl)) as Response;
      if (r.ok) resolve(r.result);
      else reject(new LoaError(r.error.code as ErrorCode, r.error.message));
    });
  });
}
