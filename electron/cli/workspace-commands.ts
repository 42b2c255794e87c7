import { Option, type Command } from 'commander';
import { basename, join, resolve } from 'node:path';
import { protectiveMarkings, type ProtectiveMarking } from '../../shared/domain/partnership';
import { WorkbenchError } from '../../shared/result';
import { ServiceHost } from '../service/service-host';
import { call, cancellable, jsonOption, printJson, progressToStderr, withWorkspace, workspaceOption } from './cli-support';
import { exportWorkbook, writeDemoDocuments } from './export-commands';

/** workspace create, show, backup, demo: the workspace file itself. */
export function addWorkspaceCommands(program: Command): void {
  const workspace = program.command('workspace').description('create, show, back up a workspace, or build the demo');

  workspace
    .command('create')
    .description('create a new workspace file (fails if the file exists)')
    .addOption(workspaceOption())
    .requiredOption('--name <name>', 'the partnership name, e.g. "Safer Colchester Partnership"')
    .option('--area <area>', 'the area the partnership covers, e.g. Colchester')
    .addOption(new Option('--marking <marking>', 'the protective marking').choices(protectiveMarkings).default('OFFICIAL'))
    .addOption(jsonOption())
    .action(async (options: { workspace: string; name: string; area?: string; marking: ProtectiveMarking; json?: boolean }) => {
      const host = new ServiceHost();
      try {
        const summary = await call(host, 'workspace/create', {
          path: resolve(options.workspace),
          name: options.name,
          area: options.area ?? null,
          marking: options.marking,
        });
        if (options.json) printJson(summary);
        else console.log(`Created ${summary.fileName} for ${summary.name} (${summary.marking}).`);
      } finally {
        host.dispose();
      }
    });

  workspace
    .command('show')
    .description('show the partnership, marking, workspace format and datasets')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const summary = await withWorkspace(options.workspace, (host) => call(host, 'workspace/show', {}));
      if (!summary) throw new WorkbenchError('no-workspace', 'The workspace could not be read.');
      const { name, area, marking, schemaVersion, datasets } = summary;
      if (options.json) {
        printJson({ name, area, marking, schemaVersion, datasets });
        return;
      }
      console.log(name);
      console.log(`  Area:              ${area ?? 'not set'}`);
      console.log(`  Marking:           ${marking}`);
      console.log(`  Workspace format:  ${schemaVersion}`);
      console.log(`  Datasets:          ${datasets}`);
    });

  workspace
    .command('backup')
    .description('write a compact copy of the workspace (VACUUM INTO)')
    .addOption(workspaceOption())
    .requiredOption('--out <file>', 'where to write the backup')
    .addOption(jsonOption())
    .action(async (options: { workspace: string; out: string; json?: boolean }) => {
      const result = await withWorkspace(options.workspace, (host) =>
        cancellable(host, (operationId) => call(host, 'workspace/backup', { path: resolve(options.out), operationId })),
      );
      if (options.json) printJson(result);
      else console.log(`Backed up to ${result.fileName} (${result.bytes} bytes).`);
    });

  workspace
    .command('demo')
    .description('build DIR/demo.sqlite, a demo workspace from the bundled open data, its evidence workbook DIR/demo-evidence.xlsx, and its Partnership Plan and board paper as PDFs')
    .requiredOption('--out <dir>', 'the folder to write demo.sqlite into')
    .addOption(jsonOption())
    .action(async (options: { out: string; json?: boolean }) => {
      const host = new ServiceHost(progressToStderr);
      try {
        const summary = await cancellable(host, (operationId) =>
          call(host, 'workspace/demo', { path: join(resolve(options.out), 'demo.sqlite'), operationId }),
        );
        await exportWorkbook(host, join(resolve(options.out), 'demo-evidence.xlsx'));
        const documents = await writeDemoDocuments(host, resolve(options.out));
        if (options.json) printJson(summary);
        else console.log(`Built ${join(options.out, 'demo.sqlite')}: ${summary.name}, ${summary.datasets} datasets, ${join(options.out, 'demo-evidence.xlsx')}, and ${documents.map((file) => basename(file)).join(' and ')}.`);
      } finally {
        host.dispose();
      }
    });
}
