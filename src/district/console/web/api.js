// The hub's console API: JSON, the session cookie (HttpOnly, sent by the browser) and the CSRF
// token (kept in memory only) on every write.
import { t } from './i18n.js';

export const session = { name: '', role: '', csrf: '' };

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, body) {
  const init =
    body === undefined
      ? { credentials: 'same-origin' }
      : {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf },
          body: JSON.stringify(body),
        };
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', t('err.network'));
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = data.error ?? {};
    throw new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? res.statusText);
  }
  return data;
}

const RANK = { viewer: 0, operator: 1, admin: 2 };
/** Mirrors the hub's role table (security/roles.ts) only to hide buttons; the hub decides. */
export const METHOD_ROLE = {
  power: 'admin',
  resetLockout: 'admin',
  zone: 'operator',
  'audio.play': 'operator',
  'audio.stop': 'operator',
  'test.tone': 'operator',
  'emergency.start': 'operator',
  'emergency.stop': 'operator',
  'bulletin.play': 'operator',
  PushSchedule: 'operator',
  UploadMedia: 'operator',
  AcknowledgeAlarm: 'operator',
  Speak: 'operator',
};
export function may(what) {
  return (RANK[session.role] ?? -1) >= (RANK[METHOD_ROLE[what] ?? 'admin'] ?? 2);
}

/** A file as the request body (the hub checks it with ffprobe before keeping it). */
export async function upload(file) {
  let res;
  try {
    res = await fetch(`/api/media?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': session.csrf },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', t('err.network'));
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError(res.status, data.error?.code ?? 'INTERNAL', data.error?.message ?? res.statusText);
  return data.media;
}
