/**
 * How long the hub itself spends answering each operator RPC (from the call reaching its
 * handler to the answer handed to gRPC), over the last WINDOW calls of each: the figure that
 * says whether the hub is slow, apart from the network, the client and how busy the machine is
 * (bench group `hub`: `hub.get_station_handler_p99_ms_10000` beside the round trip). Shown as
 * `loa_hub_rpc_handler_seconds{rpc,quantile}` on the metrics endpoint.
 */

/** Calls kept per RPC: enough for a p99 of the recent past, a few kB each. */
export const WINDOW = 2048;

export interface RpcTimeStats {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

class Ring {
  readonly ms = new Float64Array(WINDOW);
  n = 0;
  total = 0;

  add(ms: number): void {
    this.ms[this.n % WINDOW] = ms;
    this.n++;
    this.total++;
  }

  stats(): RpcTimeStats {
    const held = this.ms.slice(0, Math.min(this.n, WINDOW)).sort();
    const at = (q: number) => held[Math.min(held.length - 1, Math.ceil(q * held.length) - 1)] ?? 0;
    return { count: this.total, p50: at(0.5), p99: at(0.99), max: held.at(-1) ?? 0 };
  }
}

export class RpcTimes {
  private readonly rings = new Map<string, Ring>();

  record(rpc: string, ms: number): void {
    let r = this.rings.get(rpc);
    if (!r) {
      r = new Ring();
      this.rings.set(rpc, r);
    }
    r.add(ms);
  }

  /** Per RPC: calls since the hub started, and the quantiles (ms) of the last WINDOW calls. */
  stats(): Record<string, RpcTimeStats> {
    const out: Record<string, RpcTimeStats> = {};
    for (const [rpc, r] of this.rings) out[rpc] = r.stats();
    return out;
  }
}
