import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { geographyLevels, type BoundaryPreview, type BoundarySetSummary, type GeographyLevel } from '../../shared/domain/boundaries';
import { formatCount } from '../../shared/format/index';
import { WorkbenchError } from '../../shared/result';
import { call, cancellable, jsonOption, parseId, printJson, withWorkspace, workspaceOption } from './cli-support';

function printSets(sets: BoundarySetSummary[]): void {
  if (sets.length === 0) {
    console.log('No boundaries yet. Import a GeoJSON, TopoJSON or ONS shapefile zip with `boundaries import`.');
    return;
  }
  for (const set of sets) {
    const reprojected = set.sourceCrs === 'EPSG:27700' ? ', reprojected from British National Grid' : '';
    console.log(
      `${String(set.id).padStart(3)}  ${set.fileName}  (${set.level}, ${formatCount(set.areas)} areas, ${set.format}${reprojected}; code ${set.codeField}, name ${set.nameField}, imported ${set.importedAt.slice(0, 10)})`,
    );
    if (set.attribution) console.log(`     ${set.attribution}`);
  }
}

/** The fields to import with: those given, else those the preview suggests; without either, the file's properties are listed. */
function chooseFields(preview: BoundaryPreview, options: ImportOptions): { codeField: string; nameField: string } {
  const codeField = options.codeField ?? preview.suggestedCodeField;
  const nameField = options.nameField ?? preview.suggestedNameField;
  if (codeField && nameField) return { codeField, nameField };
  const listed = preview.properties.map((property) => `  ${property.name}: ${property.examples.join(', ')}`).join('\n');
  throw new WorkbenchError(
    'invalid-input',
    `Say which property of ${preview.fileName} is the areas' code and which their name, with --code-field and --name-field. Its properties, with examples:\n${listed}`,
  );
}

interface ImportOptions {
  workspace: string;
  codeField?: string;
  nameField?: string;
  level?: GeographyLevel;
  attribution?: string;
  json?: boolean;
}

/** boundaries import, list, show, remove: the areas maps are drawn with. */
export function addBoundariesCommands(program: Command): void {
  const boundaries = program.command('boundaries').description('import, list, show and remove boundary sets (LSOAs, wards or other areas) for maps');

  boundaries
    .command('import')
    .description('import a GeoJSON or TopoJSON file (longitude/latitude) or an ONS shapefile zip (British National Grid, reprojected) as a boundary set')
    .argument('<file>', 'the boundary file')
    .addOption(workspaceOption())
    .option('--code-field <property>', 'the property holding each area’s code (default: guessed, e.g. LSOA11CD)')
    .option('--name-field <property>', 'the property holding each area’s name (default: guessed, e.g. LSOA11NM)')
    .addOption(new Option('--level <level>', 'what the areas are (default: guessed from the fields)').choices(geographyLevels))
    .option('--attribution <text>', 'the licence and attribution the maps carry, e.g. "Contains OS data © Crown copyright and database right 2021"')
    .addOption(jsonOption())
    .action(async (file: string, options: ImportOptions) => {
      const set = await withWorkspace(options.workspace, async (host) => {
        const staged = await call(host, 'boundaries/stage', { path: resolve(file) });
        const fields = chooseFields(staged.preview, options);
        return cancellable(host, (operationId) =>
          call(host, 'boundaries/import', {
            token: staged.token,
            operationId,
            ...fields,
            level: options.level ?? staged.preview.suggestedLevel,
            attribution: options.attribution ?? null,
          }),
        );
      });
      if (options.json) {
        printJson({ set });
        return;
      }
      const reprojected = set.sourceCrs === 'EPSG:27700' ? ', reprojected from British National Grid to WGS84' : '';
      console.log(`Imported boundary set ${set.id}: ${formatCount(set.areas)} areas (${set.level}) from ${set.fileName}${reprojected}, code ${set.codeField}, name ${set.nameField}.`);
      if (!set.attribution) console.log('No attribution was given: maps drawn from this set will not credit its source. Import it again with --attribution if its licence asks for one.');
    });

  boundaries
    .command('list')
    .description('list the boundary sets, with where each came from')
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (options: { workspace: string; json?: boolean }) => {
      const sets = await withWorkspace(options.workspace, (host) => call(host, 'boundaries/list', {}));
      if (options.json) printJson(sets);
      else printSets(sets);
    });

  boundaries
    .command('show')
    .description('one boundary set’s areas: code, name and bounding box (--json adds each geometry)')
    .argument('<id>', 'the boundary set number', parseId('A boundary set number'))
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (id: number, options: { workspace: string; json?: boolean }) => {
      const view = await withWorkspace(options.workspace, (host) => call(host, 'boundaries/show', { id }));
      if (options.json) {
        printJson(view);
        return;
      }
      printSets([view.set]);
      for (const area of view.areas) console.log(`  ${area.code}  ${area.name}  [${area.bbox.join(', ')}]`);
    });

  boundaries
    .command('remove')
    .description('remove a boundary set and its areas')
    .argument('<id>', 'the boundary set number', parseId('A boundary set number'))
    .addOption(workspaceOption())
    .addOption(jsonOption())
    .action(async (id: number, options: { workspace: string; json?: boolean }) => {
      const remaining = await withWorkspace(options.workspace, (host) => call(host, 'boundaries/remove', { id }));
      if (options.json) printJson({ removed: id, sets: remaining });
      else console.log(`Removed boundary set ${id}. ${remaining.length} ${remaining.length === 1 ? 'set remains' : 'sets remain'}.`);
    });
}
