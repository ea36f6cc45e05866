/** Seeded, deterministic data for the simulator. */

export interface SimDevice {
  deviceId: string;
  token: string | null;
  lastOpen: string;
  firstOpen: string;
  bounce: number;
  platform: 'ios' | 'android';
  language: string;
  country: string;
  timezone: string;
  appVersion: string;
  sdkVersion: string;
  model: string;
  nbOpen: number;
  pushEnabled: boolean;
  fields: Record<string, string | number>;
  tags: Record<string, Record<string, unknown>>;
}

function generator(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function seededDevices(count: number, seed: number): SimDevice[] {
  const next = generator(seed);
  const locales = [
    ['fr', 'FR', 'Europe/Paris'],
    ['en', 'GB', 'Europe/London'],
    ['de', 'DE', 'Europe/Berlin'],
    ['es', 'ES', 'Europe/Madrid'],
  ] as const;
  const start = Date.UTC(2017, 9, 1);
  return Array.from({ length: count }, (_, i) => {
    const platform = next() < 0.55 ? 'ios' : 'android';
    const [language, country, timezone] = locales[Math.floor(next() * locales.length)] ?? locales[0];
    const last = new Date(start + Math.floor(next() * 30 * 86400) * 1000);
    const first = new Date(start - Math.floor(next() * 700 * 86400) * 1000);
    const stamp = (d: Date) =>
      `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return {
      deviceId: uuid(next),
      token: next() < 0.1 ? null : Array.from({ length: 64 }, () => Math.floor(next() * 16).toString(16)).join(''),
      lastOpen: stamp(last),
      firstOpen: stamp(first),
      bounce: Math.floor(next() * 4),
      platform,
      language,
      country,
      timezone,
      appVersion: next() < 0.5 ? '4.2.0' : '4.1.3',
      sdkVersion: platform === 'ios' ? '6.1.0' : '6.0.2',
      model: platform === 'ios' ? `iPhone${9 + (i % 5)},3` : `SM-G9${30 + (i % 9)}F`,
      nbOpen: Math.floor(next() * 1000),
      pushEnabled: next() < 0.8,
      fields: { loyalty_points: Math.floor(next() * 5000) },
      tags: {},
    };
  });
}

export function seededData(partnerIds: string[]) {
  return {
    apps: partnerIds.map((partnerId, i) => ({
      partnerId,
      name: `App ${i + 1}`,
      platform: i % 2 ? 'android' : 'ios',
      environment: 'live',
      certificateStatus: 'Active',
    })),
    fields: [
      { name: 'favourite_team', label: 'Favourite team', type: 'text', size: 255 },
      { name: 'loyalty_points', label: 'Loyalty points', type: 'integer', size: 11 },
    ],
    segments: Array.from({ length: 5 }, (_, i) => ({
      id: 101 + i,
      name: `Segment ${i + 1}`,
      createdAt: '2017-06-01T10:00:00Z',
      deviceCount: 1000 * (i + 1),
    })),
    staticLists: [
      {
        id: 2001,
        name: 'VIP customers',
        externalId: 'crm-vip' as string | null,
        status: 'ready',
        expirationDate: '2018-12-31' as string | null,
        memberCount: 1250,
      },
    ],
    messages: [
      {
        id: 30001,
        name: 'Autumn sale',
        externalId: 'autumn-2017' as string | null,
        type: 'push',
        status: 'sent',
        createdAt: '2017-10-02T08:00:00Z',
        sentAt: '2017-10-02T09:00:00Z' as string | null,
        message: { subject: 'Autumn sale', text: 'Up to 50% off', sound: 'default' } as unknown,
      },
    ],
    bounces: Array.from({ length: 3 }, (_, i) => ({
      deviceId: `dev-${i}`,
      messageId: 30001,
      platform: 'ios',
      bouncedAt: '2017-10-02T09:01:12Z',
      reason: 'uninstalled',
    })),
  };
}
