// Original file: proto/loa/district/v1/district.proto

import type { StationSummary as _loa_district_v1_StationSummary, StationSummary__Output as _loa_district_v1_StationSummary__Output } from '../../../loa/district/v1/StationSummary.js';

export interface ListStationsResponse {
  'stations'?: (_loa_district_v1_StationSummary)[];
  /**
   * Set when more stations follow: pass it as page_token for the next page; "" on the last page.
   */
  'nextPageToken'?: (string);
}

export interface ListStationsResponse__Output {
  'stations': (_loa_district_v1_StationSummary__Output)[];
  /**
   * Set when more stations follow: pass it as page_token for the next page; "" on the last page.
   */
  'nextPageToken': (string);
}
