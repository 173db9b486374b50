/**
 * `callLocal(socket, method, params)` as tools and tests written against the JSON-lines API
 * call it; the control channel is gRPC StationService now (station-client.ts), so this is one
 * call on a fresh connection with the same deadline and the same LoaError on refusal.
 */
import { StationClient } from './station-client.js';

export async function callLocal(
  path: string,
  method: string,
  params?: unknown,
  timeoutMs = 15_000,
): Promise<unknown> {
  const c = new StationClient(path, timeoutMs);
  try {
    return await c.call(method, params);
  } finally {
    c.close();
  }
}
