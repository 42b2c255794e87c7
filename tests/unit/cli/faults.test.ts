import Database from 'better-sqlite3';
import { execFileSync, fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../fixtures/temp-dir';

/**
 * Faults as a careless user and a faulty machine cause them, through the built CLI run with
 * plain Node: each must be named in its own message, and leave nothing half-written.
 */
const cli = join(__dirname, '../../../out/main/cli.js');
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS'));

function workbench(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: plainEnv, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isRoot = process.getuid?.() === 0;

/** A small tmpfs, where mounting is permitted (root, with the capability); null where it is not. */
function mountSmallDisk(at: string, size: string): (() => void) | null {
  mkdirSync(at, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { encoding: 'utf8' });
  if (mounted.status !== 0) return null;
  return () => execFileSync('umount', [at]);
}

function fileState(path: string) {
  return existsSync(path) ? readFileSync(path).toString('base64') : null;
}

describe('faults, named and harmless', () => {
  const tempDir = useTempDir();

  it('a full disk during workspace demo: says so, and leaves nothing behind; then a full disk during a write changes nothing', (context) => {
    const disk = join(tempDir(), 'small-disk');
    const unmount = mountSmallDisk(disk, '1m');
    // Mounting needs root and CAP_SYS_ADMIN; without them there is no small disk to fill.
    if (!unmount) context.skip();
    try {
      const demo = workbench('workspace', 'demo', '--out', join(disk, 'demo'));
      expect(demo.code).toBe(1);
      expect(demo.stderr).toBe(
        'workbench: The disk is full, so this step could not be saved. Nothing was changed: the workspace is as it was before. Free some space on the disk (or move the workspace to one with room) and try again.\n',
      );
      expect(readdirSync(join(disk, 'demo'))).toEqual([]);

      const workspace = join(disk, 'small.sqlite');
      expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Small Disk Partnership').code).toBe(0);
      const before = fileState(workspace);
      // Fill what is left of the disk.
      const filler = openSync(join(disk, 'filler'), 'w');
      try {
        for (;;) writeSync(filler, Buffer.alloc(4096));
      } catch {
        // ENOSPC: the disk is full.
      } finally {
        closeSync(filler);
      }
      const added = workbench('member', 'add', '--workspace', workspace, '--name', 'Essex Police', '--contact', 'Community Safety Hub, '.repeat(12));
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(/^workbench: The disk is full, so this step could not be saved\. Nothing was changed/);
      expect(fileState(workspace)).toBe(before);
      // With room again, the workspace is sound and the failed write is not in it.
      rmSync(join(disk, 'filler'));
      expect(JSON.parse(workbench('member', 'list', '--workspace', workspace, '--json').stdout)).toEqual({ members: [] });
      const db = new Database(workspace, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      unmount?.();
    }
  }, 120_000);

  it('another process holding the workspace: waits, then says so; nothing is changed', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'held.sqlite');
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Held Partnership').code).toBe(0);
    // A second process takes the write lock and keeps it.
    const holder = fork(join(__dirname, '../../fixtures/hold-workspace-lock.ts'), [workspace], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    try {
      await once(holder, 'message');
      const started = Date.now();
      const added = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, 'member', 'add', '--workspace', workspace, '--name', 'Essex Police'], { env: plainEnv });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(holder.exitCode, 'the process holding the lock is still running').toBeNull();
      expect(added.code, added.stderr).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
      expect(added.stderr).toBe(
        'workbench: Another program is using “held.sqlite” (the workbench waited 5 seconds for it). Nothing was changed. Close the other copy of the workbench, or the program that has the file open, and try again.\n',
      );
    } finally {
      holder.kill();
      await once(holder, 'exit');
    }
    expect(JSON.parse(workbench('member', 'list', '--workspace', workspace, '--json').stdout)).toEqual({ members: [] });
  }, 60_000);

  it('a read-only workspace, opened by someone who may not write it: says so, and leaves no -shm or -wal behind', (context) => {
    // The permission check only means something for a user who is not root.
    if (!isRoot) context.skip();
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const workspace = join(dir, 'shared.sqlite');
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Read Only Partnership').code).toBe(0);
    chmodSync(workspace, 0o644);
    const before = fileState(workspace);
    const asNobody = (...args: string[]) =>
      spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, cli, ...args], { encoding: 'utf8', env: { ...plainEnv, HOME: dir } });

    // The file is readable, but neither it nor its folder is writable by this user.
    const info = asNobody('workspace', 'show', '--workspace', workspace);
    expect(info.status).toBe(1);
    expect(info.stderr).toBe(
      `workbench: “shared.sqlite” can only be read: the file or its folder (${dir}) is read-only, or you do not have permission to change it. Nothing was changed. Copy the workspace to a folder you can write to (such as Documents), or ask for write permission, and open it from there.\n`,
    );
    expect(readdirSync(dir)).toEqual(['shared.sqlite']);
    expect(fileState(workspace)).toBe(before);

    // A file this user may not even read says that, not "there is no file".
    chmodSync(workspace, 0o600);
    const unreadable = asNobody('workspace', 'show', '--workspace', workspace);
    expect(unreadable.stderr).toContain('“shared.sqlite” cannot be opened: you do not have permission to read it');

    // Its own folder, but the file is read-only: still refused before SQLite makes a -shm.
    const own = join(dir, 'own');
    mkdirSync(own);
    chownSync(own, 65534, 65534);
    const copy = join(own, 'copy.sqlite');
    writeFileSync(copy, readFileSync(workspace));
    chownSync(copy, 65534, 65534);
    chmodSync(copy, 0o444);
    expect(asNobody('member', 'add', '--workspace', copy, '--name', 'Essex Police').stderr).toContain('“copy.sqlite” can only be read');
    expect(readdirSync(own)).toEqual(['copy.sqlite']);
    // Once writable again, it works at once: nothing read-only was left beside it.
    chmodSync(copy, 0o644);
    const added = asNobody('member', 'add', '--workspace', copy, '--name', 'Essex Police');
    expect(added.status, added.stderr).toBe(0);
  }, 60_000);

  it('a truncated and a page-corrupted workspace: says it is damaged and points to the backup, changing nothing', () => {
    const dir = tempDir();
    expect(workbench('workspace', 'demo', '--out', dir).code).toBe(0);
    const demo = readFileSync(join(dir, 'demo.sqlite'));
    const pageSize = demo.readUInt16BE(16);

    const truncated = join(dir, 'truncated.sqlite');
    writeFileSync(truncated, demo.subarray(0, Math.floor(demo.length / 2)));
    const corrupted = join(dir, 'corrupted.sqlite');
    const bytes = Buffer.from(demo);
    // Scribble over the middle of a page deep inside the file, as a failing disk would.
    bytes.fill(0xa5, pageSize * 40 + 100, pageSize * 40 + pageSize - 100);
    writeFileSync(corrupted, bytes);

    for (const [path, name] of [[truncated, 'truncated.sqlite'], [corrupted, 'corrupted.sqlite']] as const) {
      const before = fileState(path);
      const info = workbench('workspace', 'show', '--workspace', path);
      expect(info.code, name).toBe(1);
      expect(info.stderr).toBe(
        `workbench: “${name}” is damaged: SQLite found that parts of it are unreadable (it may have been cut short by a copy, a full disk or a failing drive). It has not been changed. Open your most recent backup of it instead (a workspace backup, made with Back up on the Partnership screen or the CLI's \`workspace backup\`), and keep the damaged file for your IT support.\n`,
      );
      expect(fileState(path)).toBe(before);
    }

    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'these are my notes, not a workspace');
    expect(workbench('workspace', 'show', '--workspace', text).stderr).toContain('“notes.sqlite” is not a Community Safety Workbench workspace (it is not a database file)');
  }, 60_000);

  it('kill -9 during workspace demo: no demo workspace is left half-built, and the next demo succeeds', async () => {
    const out = join(tempDir(), 'demo');
    const child = spawn(process.execPath, [cli, 'workspace', 'demo', '--out', out], { env: plainEnv, stdio: 'ignore' });
    const partial = join(out, '.demo.sqlite.partial');
    while (!(existsSync(partial) && statSync(partial).size > 64 * 1024)) {
      if (child.exitCode !== null) throw new Error('the demo finished before it could be killed');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(existsSync(join(out, 'demo.sqlite'))).toBe(false);

    const again = workbench('workspace', 'demo', '--out', out, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ datasets: 2 });
    expect(readdirSync(out)).toEqual(['demo-board-paper.pdf', 'demo-evidence.xlsx', 'demo-plan.pdf', 'demo.sqlite']);
    const db = new Database(join(out, 'demo.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);

  it('refuses a named pipe without waiting for a writer, and a backup to a missing folder or onto a folder', () => {
    const dir = tempDir();
    const workspace = join(dir, 'w.sqlite');
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Pipe Partnership').code).toBe(0);
    const fifo = join(dir, 'incoming.csv');
    execFileSync('mkfifo', [fifo]);
    const imported = workbench('dataset', 'import', fifo, '--workspace', workspace);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(
      'workbench: “incoming.csv” is not an ordinary file (it is a pipe, socket or device), so it cannot be imported. Save the data to a CSV or Excel file and import that.\n',
    );

    const missing = workbench('workspace', 'backup', '--workspace', workspace, '--out', join(dir, 'nowhere', 'b.sqlite'));
    expect(missing.stderr).toBe(`workbench: The folder ${join(dir, 'nowhere')} does not exist. Choose a folder that exists for the backup.\n`);
    const ontoFolder = workbench('workspace', 'backup', '--workspace', workspace, '--out', dir);
    expect(ontoFolder.stderr).toBe(`workbench: ${dir} is a folder. Give the backup a file name inside it, such as ${join(dir, 'w.sqlite')}.\n`);
  }, 60_000);

  it('ends quietly when the program reading its output stops (EPIPE)', async () => {
    const child = spawn(process.execPath, [cli, '--help'], { env: plainEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
