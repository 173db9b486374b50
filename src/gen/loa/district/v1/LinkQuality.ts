// Original file: proto/loa/district/v1/district.proto


/**
 * A 4G link as the station's modem module reports it, past the uplink's deadbands
 * (docs/cluster.md). Unknown readings are absent, never 0.
 */
export interface LinkQuality {
  /**
   * good | fair | poor | none | unknown (from RSRP: >= -90, -105, -120 dBm)
   */
  'quality'?: (string);
  'rsrpDbm'?: (number | string);
  'rsrqDb'?: (number | string);
  'sinrDb'?: (number | string);
  'rssiDbm'?: (number | string);
  /**
   * lte, umts, gsm, 5gnr, ...
   */
  'tech'?: (string);
  'operator'?: (string);
  'cellId'?: (string);
  /**
   * home | roaming | searching | denied | idle | unknown
   */
  'registration'?: (string);
  /**
   * connected | disconnected | stalled | unknown
   */
  'dataState'?: (string);
  'modemPresent'?: (boolean);
  /**
   * SIM data this calendar month and the plan, MB (plan 0: none configured).
   */
  'monthMb'?: (number | string);
  'planMb'?: (number | string);
  /**
   * Stream health today (station local time).
   */
  'underrunsToday'?: (number);
  'reconnectsToday'?: (number);
  'deadAirSToday'?: (number);
  /**
   * Power cycles of the modem by the recovery ladder in the last 24 h.
   */
  'recentPowerCycles'?: (number);
  '_rsrpDbm'?: "rsrpDbm";
  '_rsrqDb'?: "rsrqDb";
  '_sinrDb'?: "sinrDb";
  '_rssiDbm'?: "rssiDbm";
}

/**
 * A 4G link as the station's modem module reports it, past the uplink's deadbands
 * (docs/cluster.md). Unknown readings are absent, never 0.
 */
export interface LinkQuality__Output {
  /**
   * good | fair | poor | none | unknown (from RSRP: >= -90, -105, -120 dBm)
   */
  'quality': (string);
  'rsrpDbm'?: (number);
  'rsrqDb'?: (number);
  'sinrDb'?: (number);
  'rssiDbm'?: (number);
  /**
   * lte, umts, gsm, 5gnr, ...
   */
  'tech': (string);
  'operator': (string);
  'cellId': (string);
  /**
   * home | roaming | searching | denied | idle | unknown
   */
  'registration': (string);
  /**
   * connected | disconnected | stalled | unknown
   */
  'dataState': (string);
  'modemPresent': (boolean);
  /**
   * SIM data this calendar month and the plan, MB (plan 0: none configured).
   */
  'monthMb': (number);
  'planMb': (number);
  /**
   * Stream health today (station local time).
   */
  'underrunsToday': (number);
  'reconnectsToday': (number);
  'deadAirSToday': (number);
  /**
   * Power cycles of the modem by the recovery ladder in the last 24 h.
   */
  'recentPowerCycles': (number);
}
