import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

describe('dependencies the code relies on closely', () => {
  it('pins exceljs exactly, because the XLSX reader uses its internal parsers', () => {
    const manifest = json('package.json');
    expect(manifest.dependencies.exceljs).toBe('4.4.0');
    expect(json('package-lock.json').packages['node_modules/exceljs'].version).toBe('4.4.0');
    expect(json('node_modules/exceljs/package.json').version).toBe('4.4.0');
  });
});
