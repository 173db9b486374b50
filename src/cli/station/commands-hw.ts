/** stationctl's hardware commands: `safe-state` (needs no running daemon). */
import { SystemClock } from '../../core/clock.js';
import { keyed, LoaError } from '../../core/errors.js';
import { type Catalog, translate } from '../../core/i18n.js';
import { Logger } from '../../core/log.js';
import { driverFactoriesFor } from '../../hal/drivers.js';
import { loadProfile } from '../../hal/profile.js';
import { driveSafeState } from '../../hal/safe-state.js';
import { flagString } from '../args.js';
import { type Command, show } from './context.js';

export const hwUsage = [
  'safe-state --profile NAME|FILE   every output of the profile to its safe level (no daemon needed;',
  '                               systemd runs it as ExecStopPost)',
];

export const hwMessages: Catalog = {
  'safe.ok': {
    en: 'Outputs safe on {driver} ({kind}): {outputs}.',
    vi: 'Đã đưa về trạng thái an toàn trên {driver} ({kind}): {outputs}.',
  },
  'safe.failed': {
    en: 'Could NOT make {driver} ({kind}) safe: {error}',
    vi: 'KHÔNG đưa được {driver} ({kind}) về trạng thái an toàn: {error}',
  },
  'safe.firmata': {
    en: 'A Firmata board drops its relays by itself once heartbeats stop.',
    vi: 'Bo mạch Firmata tự ngắt rơ-le khi không còn nhận tín hiệu nhịp.',
  },
};

export const hwCommands: Record<string, Command> = {
  async 'safe-state'(ctx) {
    const name = flagString(ctx.p, 'profile');
    if (!name)
      throw keyed(
        'INVALID_ARGUMENT',
        '--profile: a board profile name (e.g. rpi4-gpio) or a .json file',
        'r.profileFlag',
      );
    const profile = loadProfile(name);
    // logs go to stderr: stdout carries the result (text or --json)
    const log = new Logger({ station: 'safe-state', level: 'warn', sink: process.stderr });
    const results = await driveSafeState(profile, await driverFactoriesFor(profile), {
      clock: new SystemClock(),
      log,
    });
    const t = (k: string, v: Record<string, string | number>) => translate(hwMessages, ctx.lang, k, v);
    show(ctx, results, () =>
      results
        .map((r) =>
          r.ok
            ? t('safe.ok', { driver: r.driver, kind: r.kind, outputs: r.outputs.join(', ') })
            : `${t('safe.failed', { driver: r.driver, kind: r.kind, error: r.error ?? '' })}${r.kind === 'firmata' ? `\n${t('safe.firmata', {})}` : ''}`,
        )
        .join('\n'),
    );
    const failed = results.filter((r) => !r.ok);
    if (failed.length)
      throw new LoaError(
        'HARDWARE',
        `safe state not confirmed on ${failed.map((r) => `${r.driver} (${r.error})`).join('; ')}`,
      );
  },
};
