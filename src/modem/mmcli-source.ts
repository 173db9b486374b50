/**
 * Readings through ModemManager: `mmcli -J` for the modem, its signal, its cell and its bearer;
 * `--simple-disconnect`/`--simple-connect` to reconnect and `--reset` to reset. A missing
 * mmcli or modem is UNAVAILABLE with what to check.
 */
import { execFile } from 'node:child_process';
import { LoaError } from '../core/errors.js';
import type { ModemProfile } from '../hal/modem-profile.js';
import {
  mmcliReading,
  parseMmcliBearer,
  parseMmcliLocation,
  parseMmcliModem,
  parseMmcliSignal,
} from './mmcli-parse.js';
import { emptySignal, type ModemReading, type ModemSource } from './types.js';

export class MmcliModemSource implements ModemSource {
  readonly kind = 'mmcli' as const;
  private setUp = false;

  constructor(
    private readonly m: ModemProfile,
    private readonly bin = 'mmcli',
  ) {}

  async read(): Promise<ModemReading> {
    const id = String(this.m.index);
    const modem = parseMmcliModem(await this.json(['-J', '-m', id]));
    if (!this.setUp) {
      // signal values need a refresh rate; the cell id needs 3GPP location enabled (once a boot)
      await this.run(['-m', id, '--signal-setup=10']).catch(() => undefined);
      await this.run(['-m', id, '--location-enable-3gpp']).catch(() => undefined);
      this.setUp = true;
    }
    const signal = await this.json(['-J', '-m', id, '--signal-get']).then(parseMmcliSignal, emptySignal);
    const cell = await this.json(['-J', '-m', id, '--location-get']).then(parseMmcliLocation, () => ({
      cellId: null,
      tac: null,
    }));
    const bearer = modem.bearers[0];
    const up = bearer ? await this.json(['-J', '-b', bearer]).then(parseMmcliBearer, () => false) : false;
    return mmcliReading(modem, signal, cell, up);
  }

  async reconnect(): Promise<void> {
    const id = String(this.m.index);
    await this.run(['-m', id, '--simple-disconnect']).catch(() => undefined);
    await this.run(['-m', id, `--simple-connect=${this.m.apn ? `apn=${this.m.apn}` : ''}`]);
  }

  async reset(): Promise<void> {
    await this.run(['-m', String(this.m.index), '--reset']);
    this.setUp = false;
  }

  async close(): Promise<void> {}

  private async json(args: string[]): Promise<Record<string, unknown>> {
    const out = await this.run(args);
    try {
      return JSON.parse(out) as Record<string, unknown>;
    } catch {
      throw new LoaError('HARDWARE', `mmcli ${args.join(' ')}: not JSON: ${out.slice(0, 200)}`);
    }
  }

  private run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(this.bin, args, { timeout: this.m.commandTimeoutMs * 3 }, (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'ENOENT')
          return reject(
            new LoaError('UNAVAILABLE', 'mmcli not found: is ModemManager installed and running?'),
          );
        reject(
          new LoaError(
            'UNAVAILABLE',
            `mmcli ${args.join(' ')}: ${(stderr || err.message).trim().slice(0, 300)}`,
          ),
        );
      });
    });
  }
}
