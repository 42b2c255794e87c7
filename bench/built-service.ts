/**
 * The workbench service as the app runs it: the built bundle (out/main/service.js, built
 * first if stale) in a process of its own under plain Node, without tsx, so that its memory
 * and processor time are the product's alone. Peak memory and processor time are read from
 * Linux's /proc while the process runs; they cover every thread of it.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel } from '../shared/channels';
import { buildIfStale, projectRoot } from '../scripts/build-if-stale.mjs';
import { ServiceClient, type FromService, type ToService } from '../electron/service/service-protocol';

const clockTicksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export interface ProcessFigures {
  peakRssMb: number;
  /** User and system time of every thread so far. */
  cpuSeconds: number;
}

export class BuiltService {
  private readonly child: ChildProcess;
  private readonly client: ServiceClient;

  constructor() {
    buildIfStale();
    // No NODE_OPTIONS and no execArgv: nothing of tsx reaches the service.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS'));
    this.child = fork(join(projectRoot, 'out', 'main', 'service.js'), [], { execArgv: process.env.SERVICE_ARGV ? process.env.SERVICE_ARGV.split(' ') : [], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const child = this.child;
    this.client = new ServiceClient(
      {
        send: (message: ToService) => child.send(message),
        listen: (listener: (message: FromService) => void) => child.on('message', listener),
      },
      () => undefined,
    );
    child.on('exit', (code) => this.client.serviceStopped(`The service stopped with code ${code}.`));
  }

  /** Calls the service; a refusal is thrown with its message. */
  async call<T>(channel: Channel, input: unknown): Promise<T> {
    const result = await this.client.call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  }

  figures(): ProcessFigures {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const peakKb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { peakRssMb: peakKb / 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond };
  }

  /** Lets the service end on its own (as it does when the app closes), or ends it after 5 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }
}
