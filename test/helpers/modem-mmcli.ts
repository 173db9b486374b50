/**
 * What ModemManager's `mmcli -J` prints for a modem in a given state (the shapes of
 * ModemManager 1.20's mmcli: every value a string, "--" for none), generated from the modem
 * emulator's state for test/helpers/fake-mmcli.sh.
 */
import type { ModemState } from './modem-emulator.js';

const REG = ['idle', 'home', 'searching', 'denied', 'unknown', 'roaming'];
const TECH: Record<number, string> = { 0: 'gsm', 2: 'umts', 7: 'lte', 12: '5gnr' };

const BEARER = '/org/freedesktop/ModemManager1/Bearer/0';
const isRegistered = (s: ModemState) => s.stat === 1 || s.stat === 5;

function modemJson(s: ModemState, iface: string) {
  const registered = isRegistered(s);
  const bearer = BEARER;
  const state = !registered ? 'searching' : s.pdp ? 'connected' : 'registered';
  return {
    modem: {
      '3gpp': {
        imei: '866758040000000',
        'operator-code': registered ? '45204' : '--',
        'operator-name': registered ? s.operator : '--',
        'registration-state': REG[s.stat] ?? 'unknown',
        'packet-service-state': registered ? 'attached' : 'detached',
      },
      'dbus-path': '/org/freedesktop/ModemManager1/Modem/0',
      generic: {
        'access-technologies': registered ? [TECH[s.act] ?? 'lte'] : [],
        bearers: [bearer],
        device: '/sys/devices/platform/scb/fd500000.pcie/usb1/1-1/1-1.3',
        drivers: ['option', 'qmi_wwan'],
        manufacturer: 'Quectel',
        model: 'EC25',
        ports: ['cdc-wdm0 (qmi)', 'ttyUSB2 (at)', `${iface} (net)`],
        'power-state': 'on',
        'primary-port': 'cdc-wdm0',
        'signal-quality': {
          recent: 'yes',
          value: String(Math.max(0, Math.min(100, (s.rssiDbm + 113) * 2))),
        },
        state,
        'state-failed-reason': '--',
      },
    },
  };
}

function signalJson(s: ModemState) {
  const registered = isRegistered(s);
  return {
    modem: {
      signal: {
        '5g': { 'error-rate': '--', rsrp: '--', rsrq: '--', snr: '--' },
        gsm: { 'error-rate': '--', rssi: '--' },
        lte: registered
          ? {
              'error-rate': '--',
              rsrp: s.rsrpDbm.toFixed(2),
              rsrq: s.rsrqDb.toFixed(2),
              rssi: s.rssiDbm.toFixed(2),
              snr: s.sinrDb.toFixed(2),
            }
          : { 'error-rate': '--', rsrp: '--', rsrq: '--', rssi: '--', snr: '--' },
        refresh: { rate: '10' },
        umts: { ecio: '--', 'error-rate': '--', rscp: '--', rssi: '--' },
      },
    },
  };
}

function locationJson(s: ModemState) {
  const registered = isRegistered(s);
  return {
    modem: {
      location: {
        '3gpp': registered
          ? { cid: s.cellId, lac: 'FFFE', mcc: '452', mnc: '04', tac: s.tac.padStart(6, '0') }
          : { cid: '--', lac: '--', mcc: '--', mnc: '--', tac: '--' },
        gps: { altitude: '--', latitude: '--', longitude: '--', nmea: [], utc: '--' },
      },
    },
  };
}

function bearerJson(s: ModemState, c: { rx: number; tx: number }, iface: string) {
  const registered = isRegistered(s);
  const bearer = BEARER;
  return {
    bearer: {
      'dbus-path': bearer,
      properties: { apn: 'v-internet', 'ip-type': 'ipv4' },
      stats: { attempts: '1', 'bytes-rx': String(c.rx), 'bytes-tx': String(c.tx), duration: '--' },
      status: { connected: s.pdp && registered ? 'yes' : 'no', interface: iface, suspended: 'no' },
      type: 'default',
    },
  };
}

export function mmcliFiles(s: ModemState, c: { rx: number; tx: number }, iface: string) {
  return {
    'modem.json': modemJson(s, iface),
    'signal.json': signalJson(s),
    'location.json': locationJson(s),
    'bearer.json': bearerJson(s, c, iface),
  };
}
