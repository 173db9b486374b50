/**
 * npm run bench [-- --json] [-- --only GROUP]
 * Prints a readable table, or one JSON object per line ({"name","value","unit"}).
 * Groups: station, hw, audio, schedule, lines, link, security, bulletin, ops, cluster, hub, live, console (peer figures inside).
 */
import type { BenchGroup, Figure } from './figures.js';

const GROUPS: Record<string, () => Promise<{ run: BenchGroup }>> = {
  station: () => import('./groups/station.js'),
  schedule: () => import('./groups/schedule.js'),
  hw: () => import('./groups/hw.js'),
  audio: () => import('./groups/audio.js'),
  lines: () => import('./groups/lines.js'),
  ops: () => import('./groups/ops.js'),
  link: () => import('./groups/link.js'),
  security: () => import('./groups/security.js'),
  bulletin: () => import('./groups/bulletin.js'),
  cluster: () => import('./groups/cluster.js'),
  // issue 20: the hub at 10,000 stations (hub.ts), its storage at the retention defaults, its stores on PostgreSQL, two hubs on one PostgreSQL
  hub: async () => {
    const [load, store, pg, hubs] = await Promise.all([
      import('./groups/hub.js'),
      import('./groups/hub-retention.js'),
      import('./groups/hub-pg-store.js'),
      import('./groups/hub-pg.js'),
    ]);
    return {
      run: async () => [
        ...(await load.run()),
        ...(await store.run()),
        ...(await pg.run()),
        ...(await hubs.run()),
      ],
    };
  },
  live: () => import('./groups/live.js'),
  console: () => import('./groups/console.js'),
};
const ORDER = [
  'station',
  'hw',
  'audio',
  'schedule',
  'lines',
  'link',
  'security',
  'bulletin',
  'ops',
  'cluster',
  'hub',
  'live',
  'console',
];

/**
 * Runs one group; a stray error inside it (an 'error' event nobody listens to, a rejection
 * nobody awaits) fails that group instead of ending the whole run: `npm run bench` must reach
 * the last group.
 */
async function runGroup(load: () => Promise<{ run: BenchGroup }>): Promise<Figure[]> {
  let fail: (e: unknown) => void = () => undefined;
  const stray = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const onStray = (e: unknown) => fail(e);
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  try {
    return await Promise.race([(async () => (await load()).run())(), stray]);
  } finally {
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const i = argv.indexOf('--only');
  const only = i >= 0 ? argv[i + 1] : undefined;
  if (only !== undefined && !ORDER.includes(only)) {
    console.error(`--only: allowed ${ORDER.join(', ')} (got "${only}")`);
    return 1;
  }
  const names = ORDER.filter((g) => (only ? g === only : true) && GROUPS[g]);
  if (only && !GROUPS[only]) {
    console.error(`bench group "${only}" has no benchmarks yet`);
    return 1;
  }
  let failed = 0;
  for (const g of names) {
    const load = GROUPS[g] as () => Promise<{ run: BenchGroup }>;
    let figures: Figure[];
    try {
      figures = await runGroup(load);
    } catch (e) {
      failed++;
      console.error(`bench group ${g} failed: ${(e as Error).stack ?? e}`);
      continue;
    }
    for (const f of figures) {
      if (json) console.log(JSON.stringify({ name: f.name, value: f.value, unit: f.unit }));
      else
        console.log(
          `${f.name.padEnd(44)} ${String(f.value).padStart(12)} ${f.unit.padEnd(6)} ${f.note ?? ''}`,
        );
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
