/**
 * `districtctl station revoke ID` and `districtctl operator revoke NAME` (admin): a stolen
 * station box or a person who left loses access at once, without re-keying the district
 * (docs/security.md, "Revoking a certificate"). The hub revokes every certificate serial it
 * has seen for that identity (or the one given with --serial) and closes their connections;
 * a replacement box gets a new certificate for the same id (deploy/pki/station.sh).
 */

import { LoaError } from '../../core/errors.js';
import type { Catalog } from '../../core/i18n.js';
import { translate } from '../../core/i18n.js';
import type { RevokeCertificateResponse__Output } from '../../gen/loa/district/v1/RevokeCertificateResponse.js';
import { flagString } from '../args.js';
import { type DCommand, type DCtx, show } from './context.js';

export const revokeMessages: Catalog = {
  'revoke.done': {
    en: 'Revoked {identity}: serial(s) {serials}; {dropped} open connection(s) closed. A replacement needs a new certificate (deploy/pki/station.sh or operator.sh).',
    vi: 'Đã thu hồi {identity}: số sê-ri {serials}; đã đóng {dropped} kết nối đang mở. Thiết bị thay thế cần chứng chỉ mới (deploy/pki/station.sh hoặc operator.sh).',
  },
  'revoke.already': {
    en: '{identity}: every certificate seen was already revoked.',
    vi: '{identity}: mọi chứng chỉ đã thấy đều đã bị thu hồi trước đó.',
  },
};

async function revoke(ctx: DCtx, kind: 'station' | 'operator', [sub, name]: string[]): Promise<void> {
  const usage = `${kind} revoke ${kind === 'station' ? 'ID' : 'NAME'} [--serial HEX] [--reason TEXT]`;
  if (sub !== 'revoke' || !name)
    throw new LoaError(
      'INVALID_ARGUMENT',
      `${kind}: allowed "${usage}" (got "${[sub, name].filter(Boolean).join(' ')}")`,
    );
  const req = {
    ...(kind === 'station' ? { stationId: name } : { user: name }),
    serial: flagString(ctx.p, 'serial') ?? '',
    reason: flagString(ctx.p, 'reason') ?? '',
  };
  const r = await ctx.hub().call<RevokeCertificateResponse__Output>('RevokeCertificate', req);
  show(ctx, r, () =>
    translate(revokeMessages, ctx.lang, r.serials.length ? 'revoke.done' : 'revoke.already', {
      identity: r.identity,
      serials: r.serials.join(', '),
      dropped: r.connectionsDropped,
    }),
  );
}

export const districtRevokeCommands: Record<string, DCommand> = {
  station: (ctx, args) => revoke(ctx, 'station', args),
  operator: (ctx, args) => revoke(ctx, 'operator', args),
};
