/** Certificates for the security tests, made with the real deploy/pki scripts (openssl). */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/daemon.js';

export interface Pair {
  crt: string;
  key: string;
}

export function pki(script: string, ...args: string[]): Promise<string> {
  return new Promise((res, rej) =>
    execFile('bash', [join(ROOT, 'deploy', 'pki', script), ...args], (e, stdout, stderr) =>
      e ? rej(new Error(`${script} ${args.join(' ')}: ${stderr}`)) : res(stdout),
    ),
  );
}

export class TestCa {
  constructor(readonly dir: string) {}

  get ca(): string {
    return join(this.dir, 'ca.crt');
  }

  static async create(dir: string, name = 'Loa Test CA'): Promise<TestCa> {
    await pki('ca.sh', dir, '--name', name);
    return new TestCa(dir);
  }

  private pair(base: string): Pair {
    return { crt: join(this.dir, 'issued', `${base}.crt`), key: join(this.dir, 'issued', `${base}.key`) };
  }

  async station(id: string, ...validity: string[]): Promise<Pair> {
    await pki('station.sh', this.dir, id, ...validity);
    return this.pair(`station-${id}`);
  }

  async operator(name: string, role: string, ...validity: string[]): Promise<Pair> {
    await pki('operator.sh', this.dir, name, role, ...validity);
    return this.pair(`operator-${name}`);
  }

  async server(name: string, ...validity: string[]): Promise<Pair> {
    await pki('server.sh', this.dir, name, 'DNS:localhost,IP:127.0.0.1,IP:::1', ...validity);
    return this.pair(`server-${name}`);
  }

  async renew(base: string): Promise<Pair> {
    await pki('renew.sh', this.dir, base);
    return this.pair(base);
  }

  /** The environment a daemon or CLI reads its TLS files from. */
  env(p: Pair): Record<string, string> {
    return { LOA_TLS_CA: this.ca, LOA_TLS_CERT: p.crt, LOA_TLS_KEY: p.key, LOA_INSECURE_LAB: '' };
  }

  /** districtctl's flags for a person's certificate. */
  flags(p: Pair): string[] {
    return ['--ca', this.ca, '--cert', p.crt, '--key', p.key];
  }
}

/** Already expired: valid for one day in 2020 (openssl ca -startdate/-enddate). */
export const EXPIRED = ['--start', '20200101000000Z', '--end', '20200102000000Z'];
