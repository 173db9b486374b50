/** CAP 1.2 samples written for these tests (two stations: xa-a near Huế, xa-b near Cần Thơ). */
export const PLACES = {
  'xa-a': { lat: 16.46, lon: 107.59, geocodes: [{ valueName: 'VN-ADMIN', value: '19909' }] },
  'xa-b': { lat: 10.03, lon: 105.78, geocodes: [{ valueName: 'VN-ADMIN', value: '31117' }] },
};

/** A polygon around Huế (xa-a only). */
export const HUE_POLYGON = '16.3,107.4 16.3,107.8 16.6,107.8 16.6,107.4 16.3,107.4';

export interface Sample {
  identifier: string;
  sender?: string;
  sent?: string;
  status?: string;
  msgType?: string;
  references?: string;
  urgency?: string;
  severity?: string;
  certainty?: string;
  expires?: string;
  language?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  area?: string;
  /** Raw <resource> elements (CAP 1.2 §3.2.3). */
  resource?: string;
}

export function capXml(s: Sample): string {
  const info = `
  <info>
    <language>${s.language ?? 'vi-VN'}</language>
    <category>Met</category>
    <event>Lũ quét</event>
    <urgency>${s.urgency ?? 'Immediate'}</urgency>
    <severity>${s.severity ?? 'Extreme'}</severity>
    <certainty>${s.certainty ?? 'Observed'}</certainty>
    ${s.expires ? `<expires>${s.expires}</expires>` : ''}
    <headline>${s.headline ?? 'Cảnh báo lũ quét'}</headline>
    <description>${s.description ?? 'Mưa lớn 150-200mm trong 24 giờ qua &amp; nước sông dâng nhanh'}</description>
    <instruction>${s.instruction ?? 'Bà con vùng trũng sơ tán ngay đến nơi an toàn'}</instruction>
    ${s.resource ?? ''}
    <area>
      <areaDesc>Vùng cảnh báo</areaDesc>
      ${s.area ?? `<polygon>${HUE_POLYGON}</polygon>`}
    </area>
  </info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${s.identifier}</identifier>
  <sender>${s.sender ?? 'kttv-hue@example.vn'}</sender>
  <sent>${s.sent ?? '2026-12-05T10:00:00+07:00'}</sent>
  <status>${s.status ?? 'Actual'}</status>
  <msgType>${s.msgType ?? 'Alert'}</msgType>
  <scope>Public</scope>
  ${s.references ? `<references>${s.references}</references>` : ''}
  ${s.msgType === 'Cancel' ? '' : info}
</alert>`;
}

export const XXE = `<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>`;

export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol3;</identifier></alert>`;

export const WRONG_NS = capXml({ identifier: 'ns-1' }).replace(
  'urn:oasis:names:tc:emergency:cap:1.2',
  'urn:oasis:names:tc:emergency:cap:1.1',
);

/** 10 MB: a valid alert padded with a huge description. */
export function tenMegabytes(): string {
  return capXml({ identifier: 'big-1', description: 'a'.repeat(10 * 1024 * 1024) });
}
