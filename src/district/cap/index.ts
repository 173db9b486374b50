/** CAP intake for a hub: on when `cap.json` is in its data directory (docs/speech.md, "CAP 1.2"). */
import type { Logger } from '../../core/log.js';
import type { Hub } from '../hub.js';
import { loadCapConfig } from './config.js';
import { CapDropDir } from './dropdir.js';
import { CapFeed } from './feed.js';
import { startCapIntake } from './http.js';
import { CapService } from './service.js';

export async function startCap(
  hub: Hub,
  dataDir: string,
  log: Logger,
): Promise<{ url: string; close: () => Promise<void> } | undefined> {
  const cfg = loadCapConfig(dataDir);
  if (!cfg) return undefined;
  const service = new CapService(hub, cfg);
  const intake = await startCapIntake(service, cfg);
  const host = cfg.listen.slice(0, cfg.listen.lastIndexOf(':'));
  const url = `http://${host}:${intake.port}/cap`;
  const drop = cfg.dropDir ? new CapDropDir(service, cfg.dropDir, hub.clock, log) : undefined;
  await drop?.start();
  const feeds = cfg.feeds.map((f) => new CapFeed(f, service, hub.clock, log.child('cap-feed')));
  for (const f of feeds) f.start();
  intake.feeds = () => feeds.map((f) => f.state);
  log.info('CAP intake listening', {
    url,
    dropDir: cfg.dropDir,
    feeds: cfg.feeds.map((f) => f.url),
    stations: Object.keys(cfg.stations).length,
  });
  const close = async () => {
    for (const f of feeds) f.stop();
    drop?.stop();
    await intake.close();
  };
  return { url, close };
}
