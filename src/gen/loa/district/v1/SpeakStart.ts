// Original file: proto/loa/district/v1/district.proto


export interface SpeakStart {
  'stationIds'?: (string)[];
  /**
   * priority | emergency
   */
  'tier'?: (string);
  /**
   * webm (default) | ogg
   */
  'format'?: (string);
  /**
   * Zones on each station; empty: all.
   */
  'zones'?: (number)[];
}

export interface SpeakStart__Output {
  'stationIds': (string)[];
  /**
   * priority | emergency
   */
  'tier': (string);
  /**
   * webm (default) | ogg
   */
  'format': (string);
  /**
   * Zones on each station; empty: all.
   */
  'zones': (number)[];
}
