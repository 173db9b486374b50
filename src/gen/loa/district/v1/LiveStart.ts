// Original file: proto/loa/district/v1/gateway.proto


export interface LiveStart {
  /**
   * priority | emergency (Circular 39/2020 tiers; live voice is never "normal")
   */
  'tier'?: (string);
  /**
   * The operator, as the hub verified them (certificate name), and their role.
   */
  'issuedBy'?: (string);
  'issuerRole'?: (string);
  /**
   * Zones to switch on; empty: all of the station's.
   */
  'zones'?: (number)[];
  /**
   * webm | ogg
   */
  'format'?: (string);
}

export interface LiveStart__Output {
  /**
   * priority | emergency (Circular 39/2020 tiers; live voice is never "normal")
   */
  'tier': (string);
  /**
   * The operator, as the hub verified them (certificate name), and their role.
   */
  'issuedBy': (string);
  'issuerRole': (string);
  /**
   * Zones to switch on; empty: all of the station's.
   */
  'zones': (number)[];
  /**
   * webm | ogg
   */
  'format': (string);
}
