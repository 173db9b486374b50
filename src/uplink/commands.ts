/**
 * District commands on the station (DESIGN.md decision 3): each has an id and an expiry and
 * runs at most once. The id is written to disk as "running" before the command runs, so a
 * crash mid-command never leads to a second run; a repeated id (the hub re-sends what it has
 * no result for) gets the recorded outcome back, and the same id with another method or other
 * parameters is refused as reused. Expiry uses the hub's own difference expires_at - sent_at
 * (the station's clock may be wrong after a power cut, decision 8) and, once a session's
 * welcome told the hub's time, the hub's clock as estimated from it: a command replayed after
 * its expiry is refused even with a fresh sent_at. Commands run through the station's
 * CommandGate as the operator who issued them (role, validation, audit).
 */

import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import type { CommandRegistry } from '../core/registry.js';
import { CommandGate } from '../security/gate.js';
import { checkNoStationPaths } from '../security/hostile.js';
import type { Caller } from '../security/identity.js';
import { isRole } from '../security/roles.js';
import type { JsonDoc } from '../store/doc.js';
import type { LinkCommand } from '../wire/session.js';
import type { CommandOutcome, UplinkState } from './state.js';

/** A command from the hub (wire/session.ts), with the operator it verified and its role. */
export type IncomingCommand = LinkCommand;

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

function digestOf(method: string, params: unknown): string {
  return createHash('sha256')
    .update(`${method}\n${JSON.stringify(params ?? null)}`)
    .digest('hex')
    .slice(0, 32);
}

export function callerOf(cmd: IncomingCommand): Caller {
  return {
    who: cmd.issuedBy || 'district',
    role: isRole(cmd.issuerRole) ? cmd.issuerRole : 'operator',
    via: 'district',
  };
}

export class CommandRunner {
  private readonly inflight = new Map<string, Promise<CommandReply>>();
  private readonly gate: CommandGate;
  /** The hub's wall clock at a monotonic instant, from the last welcome. */
  private hub: { at: number; mono: number } | undefined;

  constructor(
    registry: CommandRegistry,
    private readonly doc: JsonDoc<UplinkState>,
    private readonly clock: Clock,
    events: EventSink,
    private readonly resolve: ParamsResolver = async (c) => c.params,
    gate?: CommandGate,
  ) {
    this.gate = gate ?? new CommandGate(registry, { events });
  }

  /** The hub's time from a welcome: later expiries are judged on the hub's clock. */
  hubTime(serverTimeMs: number): void {
    if (serverTimeMs > 0) this.hub = { at: serverTimeMs, mono: this.clock.monotonic() };
  }

  private hubNow(): number | undefined {
    return this.hub ? this.hub.at + (this.clock.monotonic() - this.hub.mono) : undefined;
  }

  /** Runs the command once; a repeat while it still runs waits for the same outcome. */
  handle(cmd: IncomingCommand): Promise<CommandReply> {
    const running = this.inflight.get(cmd.id);
    if (running) return running.then((r) => ({ ...r, duplicate: true }));
    const p = this.run(cmd).finally(() => this.inflight.delete(cmd.id));
    this.inflight.set(cmd.id, p);
    return p;
  }

  private async run(cmd: IncomingCommand): Promise<CommandReply> {
    const digest = digestOf(cmd.method, cmd.params);
    const seen = this.doc.data.executed[cmd.id];
    if (seen && seen.digest !== undefined && seen.digest !== digest)
      return this.refuse(
        cmd,
        'INVALID_ARGUMENT',
        `command id ${cmd.id} was already used for another command (${seen.method}); a reused id is refused`,
        false,
      );
    if (seen) return reply(cmd.id, seen.status === 'running' ? interrupted(seen) : seen, true);
    const hubNow = this.hubNow();
    if (cmd.expiresAtMs <= cmd.sentAtMs || (hubNow !== undefined && cmd.expiresAtMs <= hubNow))
      return this.refuse(
        cmd,
        'EXPIRED',
        `command ${cmd.id} (${cmd.method}) expired before it reached the station; not run`,
      );
    try {
      checkNoStationPaths(cmd.params, ['params']);
    } catch (e) {
      return this.refuse(cmd, 'INVALID_ARGUMENT', toLoaError(e).message);
    }
    const deadline = this.clock.monotonic() + (cmd.expiresAtMs - cmd.sentAtMs);
    this.record(cmd, { status: 'running', digest });
    await this.doc.flush(); // on disk before it runs: at most once, even across a crash
    try {
      const params = await this.resolve(cmd);
      if (this.clock.monotonic() > deadline)
        return this.refuse(cmd, 'EXPIRED', `command ${cmd.id} expired while its media was fetched; not run`);
      const result = await this.gate.call(callerOf(cmd), cmd.method, params, cmd.id);
      return this.finish(cmd, { status: 'done', result, digest });
    } catch (e) {
      const err = toLoaError(e);
      const status = err.code === 'INTERNAL' || err.code === 'HARDWARE' ? 'failed' : 'refused';
      return this.finish(cmd, { status, errorCode: err.code, message: err.message, digest });
    }
  }

  /** Refused before the gate: recorded (unless `keep` is false: a reused id keeps its first outcome) and audited. */
  private async refuse(
    cmd: IncomingCommand,
    code: 'EXPIRED' | 'INVALID_ARGUMENT',
    message: string,
    keep = true,
  ): Promise<CommandReply> {
    this.gate.record(callerOf(cmd), cmd.method, cmd.params, new LoaError(code, message), cmd.id);
    const o = {
      status: code === 'EXPIRED' ? ('expired' as const) : ('refused' as const),
      errorCode: code,
      message,
    };
    if (!keep) return reply(cmd.id, { at: this.clock.now(), method: cmd.method, ...o }, false);
    return this.finish(cmd, { ...o, digest: digestOf(cmd.method, cmd.params) });
  }

  private async finish(
    cmd: IncomingCommand,
    o: Omit<CommandOutcome, 'at' | 'method'>,
  ): Promise<CommandReply> {
    const kept = this.record(cmd, o);
    await this.doc.flush();
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
