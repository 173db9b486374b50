/**
 * District commands on the station (DESIGN.md decision 3): each has an id and an expiry and
 * runs at most once. The id is written to disk as "running" before the command runs, so a
 * crash mid-command never leads to a second run; a repeated id (the hub re-sends what it has
 * no result for) gets the recorded outcome back. Expiry uses only the hub's own difference
 * expires_at - sent_at: the station's clock may be wrong after a power cut (decision 8).
 */
import type { CommandRegistry } from '../api/registry.js';
import type { Clock } from '../core/clock.js';
import { toLoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import type { JsonDoc } from '../store/doc.js';
import type { CommandOutcome, UplinkState } from './state.js';

export interface IncomingCommand {
  id: string;
  method: string;
  params: unknown;
  sentAtMs: number;
  expiresAtMs: number;
}

export interface CommandReply {
  id: string;
  status: CommandOutcome['status'] | 'failed';
  errorCode: string;
  message: string;
  result: unknown;
  duplicate: boolean;
}

/** Outcomes kept for this long (the hub never re-sends a command older than its 7-day limit). */
const KEEP_MS = 8 * 86_400_000;
const MAX_KEPT = 5000;
/** A result bigger than this is not kept for re-sending (the first reply carried it). */
const MAX_RESULT_CHARS = 4096;

/** Prepares a command's params before it runs (fetches the media it names); gets the whole command. */
export type ParamsResolver = (cmd: IncomingCommand) => Promise<unknown>;

export class CommandRunner {
  private readonly inflight = new Map<string, Promise<CommandReply>>();

  constructor(
    private readonly registry: CommandRegistry,
    private readonly doc: JsonDoc<UplinkState>,
    private readonly clock: Clock,
    private readonly events: EventSink,
    private readonly resolve: ParamsResolver = async (c) => c.params,
  ) {}

  /** Runs the command once; a repeat while it still runs waits for the same outcome. */
  handle(cmd: IncomingCommand): Promise<CommandReply> {
    const running = this.inflight.get(cmd.id);
    if (running) return running.then((r) => ({ ...r, duplicate: true }));
    const p = this.run(cmd).finally(() => this.inflight.delete(cmd.id));
    this.inflight.set(cmd.id, p);
    return p;
  }

  private async run(cmd: IncomingCommand): Promise<CommandReply> {
    const seen = this.doc.data.executed[cmd.id];
    if (seen) return reply(cmd.id, seen.status === 'running' ? interrupted(seen) : seen, true);
    if (cmd.expiresAtMs <= cmd.sentAtMs)
      return this.finish(cmd, {
        status: 'expired',
        errorCode: 'EXPIRED',
        message: `command ${cmd.id} (${cmd.method}) expired before it reached the station; not run`,
      });
    const deadline = this.clock.monotonic() + (cmd.expiresAtMs - cmd.sentAtMs);
    this.record(cmd, { status: 'running' });
    await this.doc.flush(); // on disk before it runs: at most once, even across a crash
    try {
      const params = await this.resolve(cmd);
      if (this.clock.monotonic() > deadline)
        return this.finish(cmd, {
          status: 'expired',
          errorCode: 'EXPIRED',
          message: `command ${cmd.id} expired while its media was fetched; not run`,
        });
      const result = await this.registry.call(cmd.method, params);
      return this.finish(cmd, { status: 'done', result });
    } catch (e) {
      const err = toLoaError(e);
      const status = err.code === 'INTERNAL' || err.code === 'HARDWARE' ? 'failed' : 'refused';
      return this.finish(cmd, { status, errorCode: err.code, message: err.message });
    }
  }

  private async finish(
    cmd: IncomingCommand,
    o: Omit<CommandOutcome, 'at' | 'method'>,
  ): Promise<CommandReply> {
    const kept = this.record(cmd, o);
    await this.doc.flush();
    this.events.emit({
      kind: 'uplink.command',
      severity: o.status === 'done' ? 'info' : 'warning',
      sub: 'uplink',
      message: `district command ${cmd.method} ${o.status}${o.message ? `: ${o.message}` : ''}`,
      details: {
        id: cmd.id,
        method: cmd.method,
        status: o.status,
        ...(o.errorCode ? { code: o.errorCode } : {}),
      },
    });
    return reply(cmd.id, { ...kept, result: o.result }, false);
  }

  private record(cmd: IncomingCommand, o: Omit<CommandOutcome, 'at' | 'method'>): CommandOutcome {
    const small = o.result === undefined || JSON.stringify(o.result).length <= MAX_RESULT_CHARS;
    const kept: CommandOutcome = {
      at: this.clock.now(),
      method: cmd.method,
      ...o,
      ...(small ? {} : { result: undefined }),
    };
    this.doc.update((s) => {
      s.executed[cmd.id] = kept;
      prune(s.executed, this.clock.now());
    });
    return kept;
  }
}

function interrupted(o: CommandOutcome): CommandOutcome {
  return {
    ...o,
    status: 'failed',
    errorCode: 'INTERNAL',
    message: 'the station restarted while this command ran; it is not run a second time',
  };
}

function reply(id: string, o: CommandOutcome, duplicate: boolean): CommandReply {
  return {
    id,
    status: o.status,
    errorCode: o.errorCode ?? '',
    message: o.message ?? '',
    result: o.result ?? null,
    duplicate,
  };
}

function prune(executed: Record<string, CommandOutcome>, now: number): void {
  const ids = Object.keys(executed);
  for (const id of ids) if (now - (executed[id] as CommandOutcome).at > KEEP_MS) delete executed[id];
  const left = Object.entries(executed).sort((a, b) => a[1].at - b[1].at);
  for (const [id] of left.slice(0, Math.max(0, left.length - MAX_KEPT))) delete executed[id];
}
