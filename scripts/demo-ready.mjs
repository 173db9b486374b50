// npm start's demo: waits until the stations are online at the hub, then gives each the sample
// schedule as a technician would (stationctl schedule apply: validated and saved at the station;
// the sample names files on the station, which the hub refuses to push by design). Bounded: 60 s.
import { execFileSync } from 'node:child_process';

const [hub, schedule, ...dataDirs] = process.argv.slice(2);
const run = (bin, ...args) =>
  execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const deadline = Date.now() + 60_000;
for (;;) {
  let online = 0;
  try {
    online = JSON.parse(run('bin/districtctl', '--hub', hub, 'stations', '--json')).filter(
      (s) => s.online,
    ).length;
  } catch {
    // the hub is still starting
  }
  if (online >= dataDirs.length) break;
  if (Date.now() > deadline) {
    console.error(
      `loa: only ${online} of ${dataDirs.length} demo stations came online within 60 s; see the logs above`,
    );
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 300));
}
for (const dir of dataDirs) run('bin/stationctl', '--data-dir', dir, 'schedule', 'apply', schedule);
