/**
 * Whose rate-limit bucket a command takes from: only what was verified, never a name the
 * client claims. With a certificate that is its name; on a unix socket it is the socket
 * (its role), because the user name in "loa-user" is whatever the client sends — a client
 * changing it on every call had a fresh bucket every time (issue 13, item 6). Node cannot read
 * the peer's uid (SO_PEERCRED) without a native addon, so everyone who may open one socket
 * shares its bucket: the kernel's file permissions decided who that is (docs/security.md).
 */
import type { Caller } from './identity.js';

export function limitKey(caller: Caller): string {
  return caller.via.startsWith('unix:') ? `the ${caller.via} socket` : `${caller.who} (${caller.via})`;
}
