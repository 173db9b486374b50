// Original file: proto/loa/district/v1/district.proto


export interface RevokeCertificateRequest {
  /**
   * Exactly one of station_id (a station certificate) and user (a person's certificate).
   */
  'stationId'?: (string);
  'user'?: (string);
  /**
   * Only this serial (hex, as `openssl x509 -serial` prints it); empty: every serial seen.
   */
  'serial'?: (string);
  'reason'?: (string);
}

export interface RevokeCertificateRequest__Output {
  /**
   * Exactly one of station_id (a station certificate) and user (a person's certificate).
   */
  'stationId': (string);
  'user': (string);
  /**
   * Only this serial (hex, as `openssl x509 -serial` prints it); empty: every serial seen.
   */
  'serial': (string);
  'reason': (string);
}
