// Original file: proto/loa/district/v1/gateway.proto


/**
 * Station -> hub: the on-air output as WebM/Opus, whole clusters only (a listener may join at
 * any message); the first message carries the stream's header (everything before a cluster).
 */
export interface ListenAudio {
  'listenId'?: (string);
  'data'?: (Buffer | Uint8Array | string);
  /**
   * data is the WebM header (EBML header, Segment info, Tracks), kept by the hub for later listeners.
   */
  'header'?: (boolean);
  /**
   * Clusters the station dropped for this listen_id so far (the link was too slow).
   */
  'dropped'?: (number);
  /**
   * Set on the last message: why the station stopped (stop, lease, encoder, session).
   */
  'ended'?: (string);
}

/**
 * Station -> hub: the on-air output as WebM/Opus, whole clusters only (a listener may join at
 * any message); the first message carries the stream's header (everything before a cluster).
 */
export interface ListenAudio__Output {
  'listenId': (string);
  'data': (Buffer);
  /**
   * data is the WebM header (EBML header, Segment info, Tracks), kept by the hub for later listeners.
   */
  'header': (boolean);
  /**
   * Clusters the station dropped for this listen_id so far (the link was too slow).
   */
  'dropped': (number);
  /**
   * Set on the last message: why the station stopped (stop, lease, encoder, session).
   */
  'ended': (string);
}
