/**
 * Listen-in at the station (src/uplink/listen.ts) on a ManualClock, with a stand-in for the
 * audio module's encoder port (the real encoder is exercised end to end in test/console/): the
 * lease ends a listen the hub stopped renewing, the send window and a busy session drop listen
 * audio (never the header), a stop and a closed session end the encoder, one encoder at a time.
 */
import { describe, expect, it } from 'vitest';
import type { OnAirListenPort } from '../../src/audio/port.js';
import { ManualClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import type { ListenAudio } from '../../src/gen/loa/district/v1/ListenAudio.js';
import { LISTEN_WINDOW_BYTES, type ListenLink, StationListen } from '../../src/uplink/listen.js';

function rig() {
  const clock = new ManualClock();
  const encoders: {
    pages: (d: Buffer, header: boolean) => void;
    end: (r: string) => void;
    stopped: boolean;
  }[] = [];
  const port: OnAirListenPort = {
    open(o) {
      const e = { pages: o.onPages, end: o.onEnd, stopped: false };
      encoders.push(e);
      return {
        pid: 4242,
        dropped: 0,
        stop: async () => {
          e.stopped = true;
        },
      };
    },
  };
  const sent: ListenAudio[] = [];
  const link: ListenLink & { isBusy: boolean } = {
    isBusy: false,
    send: (m) => sent.push(m),
    busy: () => link.isBusy,
  };
  const listen = new StationListen({ port, clock, log: memoryLogger().log });
  const start = (id = 'l1', extra = {}) =>
    listen.control(
      { listenId: id, stop: false, leaseMs: 5000, bitrateKbps: 16, receivedBytes: 0, ...extra },
      link,
    );
  return { clock, encoders, sent, link, listen, start };
}

describe('listen-in at the station', () => {
  it('stops by itself when the hub stops renewing (a lost stop), and says why', async () => {
    const r = rig();
    r.start();
    expect(r.encoders).toHaveLength(1);
    await r.clock.advance(4000);
    r.start('l1', { receivedBytes: 0 }); // a renewal
    await r.clock.advance(4000);
    expect(r.encoders[0]?.stopped).toBe(false);
    await r.clock.advance(1500);
    expect(r.encoders[0]?.stopped).toBe(true);
    expect(r.sent.at(-1)?.ended).toMatch(/no renewal from the hub within 5000 ms/);
    expect((r.listen.status() as { active: boolean }).active).toBe(false);
  });

  it('keeps at most the window unacknowledged: beyond it, and while the session is busy, pages drop', () => {
    const r = rig();
    r.start();
    const enc = r.encoders[0];
    if (!enc) throw new Error('no encoder');
    enc.pages(Buffer.alloc(100), true);
    const page = Buffer.alloc(1000);
    for (let i = 0; i < 20; i++) enc.pages(page, false);
    const data = r.sent.filter((m) => m.data && !m.header);
    expect(data).toHaveLength(Math.floor((LISTEN_WINDOW_BYTES - 100) / 1000));
    // the hub acknowledges what it got: room again
    r.start('l1', { receivedBytes: 100 + data.length * 1000 });
    enc.pages(page, false);
    expect(r.sent.filter((m) => m.data && !m.header)).toHaveLength(data.length + 1);
    // other traffic waiting: listen audio is dropped, not queued in front of it
    r.link.isBusy = true;
    enc.pages(page, false);
    expect(r.sent.filter((m) => m.data && !m.header)).toHaveLength(data.length + 1);
    expect((r.listen.status() as { dropped: number }).dropped).toBe(20 - data.length + 1);
    // the header is never dropped (a listener cannot decode without it)
    expect(r.sent[0]?.header).toBe(true);
  });

  it('ends on the hub stop, on a closed session, and runs one encoder at a time', async () => {
    const r = rig();
    r.start('a');
    r.start('b'); // another listen id replaces the first
    expect(r.encoders[0]?.stopped).toBe(true);
    r.listen.control({ listenId: 'b', stop: true, leaseMs: 0, bitrateKbps: 0, receivedBytes: 0 }, r.link);
    await r.clock.advance(0);
    expect(r.encoders[1]?.stopped).toBe(true);
    expect(r.sent.at(-1)?.ended).toBe('stopped by the hub');
    r.start('c');
    const before = r.sent.length;
    r.listen.detach(r.link);
    expect(r.encoders[2]?.stopped).toBe(true);
    expect(r.sent.length).toBe(before); // nothing can reach the hub on a closed session
  });

  it('a station without an audio engine answers at once', () => {
    const clock = new ManualClock();
    const sent: ListenAudio[] = [];
    const listen = new StationListen({ port: undefined, clock, log: memoryLogger().log });
    listen.control(
      { listenId: 'x', stop: false, leaseMs: 5000, bitrateKbps: 16, receivedBytes: 0 },
      { send: (m) => sent.push(m), busy: () => false },
    );
    expect(sent).toEqual([{ listenId: 'x', ended: 'this station has no audio engine' }]);
  });
});
