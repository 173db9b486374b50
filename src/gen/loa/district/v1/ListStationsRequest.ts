// Original file: proto/loa/district/v1/district.proto


export interface ListStationsRequest {
  /**
   * At most this many stations, in station id order; 0 (the default): every station at once,
   * as before paging existed. A console or script over thousands of stations asks for pages.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of the previous page; "" for the first page.
   */
  'pageToken'?: (string);
}

export interface ListStationsRequest__Output {
  /**
   * At most this many stations, in station id order; 0 (the default): every station at once,
   * as before paging existed. A console or script over thousands of stations asks for pages.
   */
  'pageSize': (number);
  /**
   * The next_page_token of the previous page; "" for the first page.
   */
  'pageToken': (string);
}
