/**
 * The one way a caller from outside runs a station command: role (roles.ts), rate limit
 * (per identity), parameters (schemas.ts + hostile.ts), then the command itself, then one
 * audit event. Every refusal happens before the handler runs, so a refused call changes
 * nothing. Reads (viewer methods) are neither limited nor audited unless refused.
 */

import { type LoaError, toLoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import type { CommandRegistry } from '../core/registry.js';
import { audit } from './audit.js';
import type { Caller } from './identity.js';
import { limitKey } from './limit-key.js';
import type { RateLimiter } from './ratelimit.js';
import { methodRole, requireRole } from './roles.js';
import { validateParams } from './schemas.js';

export interface GateOptions {
  events: EventSink;
  limiter?: RateLimiter | undefined;
}

export class CommandGate {
  constructor(
    readonly registry: Pick<CommandRegistry, 'call' | 'methods'>,
    private readonly o: GateOptions,
  ) {}

  async call(caller: Caller, method: string, params?: unknown, commandId?: string): Promise<unknown> {
    const need = methodRole(method);
    const audited = need !== 'viewer';
    let clean: unknown = params;
    try {
      requireRole(caller.role, need, method, caller.who);
      if (audited) this.o.limiter?.take(limitKey(caller), caller.via);
      clean = validateParams(method, params);
      const result = await this.registry.call(method, clean);
      if (audited) this.record(caller, method, clean, undefined, commandId);
      return result;
    } catch (e) {
      const err = toLoaError(e);
      this.record(caller, method, clean, err, commandId);
      throw err;
    }
  }

  /** An audit record for a command refused before it reached the gate (expired, reused id). */
  record(caller: Caller, method: string, params: unknown, error?: LoaError, commandId?: string): void {
    audit(this.o.events, { caller, method, params, error, commandId });
  }
}
