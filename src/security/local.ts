/**
 * The station's local API sockets, one per role, so that the kernel's file permissions decide
 * who gets which role (Node cannot read a unix peer's uid, SO_PEERCRED, without a native
 * addon; docs/security.md):
 *   station.sock           admin     mode 0660, group LOA_SOCKET_GROUP (default "loa")
 *   station.operator.sock  operator  mode 0660, group LOA_OPERATOR_GROUP (default "loa-operators";
 *                                     only when that group exists)
 *   station.viewer.sock    viewer    mode 0666 (LOA_VIEWER_SOCKET=off leaves it out)
 * root and the service user reach every socket; stationctl takes the first it may open.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { LoaError } from '../core/errors.js';
import type { Role } from './roles.js';

export interface LocalSocket {
  path: string;
  role: Role;
  /** The group to own it, when that group exists. */
  gid: number | undefined;
  group: string;
}

/** A group's id from /etc/group, or undefined when there is no such group. */
export function groupId(name: string, groupFile = '/etc/group'): number | undefined {
  let text = '';
  try {
    text = readFileSync(groupFile, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const [n, , gid] = line.split(':');
    if (n === name && gid !== undefined && /^\d+$/.test(gid)) return Number(gid);
  }
  return undefined;
}

export function roleSocketPath(adminSocket: string, role: Role): string {
  if (role === 'admin') return adminSocket;
  const base = adminSocket.endsWith('.sock') ? adminSocket.slice(0, -5) : adminSocket;
  return `${base}.${role}.sock`;
}

export function localSockets(adminSocket: string, env: NodeJS.ProcessEnv, groupFile?: string): LocalSocket[] {
  const adminGroup = env.LOA_SOCKET_GROUP || 'loa';
  const opGroup = env.LOA_OPERATOR_GROUP || 'loa-operators';
  const viewer = env.LOA_VIEWER_SOCKET ?? 'on';
  if (viewer !== 'on' && viewer !== 'off')
    throw new LoaError('CONFIG', `LOA_VIEWER_SOCKET: allowed on or off (got "${viewer}")`);
  const out: LocalSocket[] = [
    { path: adminSocket, role: 'admin', gid: groupId(adminGroup, groupFile), group: adminGroup },
  ];
  const opGid = groupId(opGroup, groupFile);
  if (opGid !== undefined)
    out.push({ path: roleSocketPath(adminSocket, 'operator'), role: 'operator', gid: opGid, group: opGroup });
  if (viewer === 'on')
    out.push({ path: roleSocketPath(adminSocket, 'viewer'), role: 'viewer', gid: undefined, group: '' });
  return out;
}

/** The socket stationctl uses: the first of admin, operator, viewer this user may open. */
export function pickSocket(adminSocket: string): string {
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    const p = roleSocketPath(adminSocket, role);
    try {
      accessSync(p, constants.W_OK);
      return p;
    } catch {
      // not there, or not ours: try the next role down
    }
  }
  return adminSocket; // none reachable: the connection error names the admin socket
}
