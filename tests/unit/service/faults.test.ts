import { describe, expect, it } from 'vitest';
import { classifyFault, exportWriteFault, faultKindOf, importOpenFault } from '../../../electron/service/faults';
import { WorkbenchError } from '../../../shared/result';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('one meaning for each errno and SQLite code', () => {
  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_IOERR_SHMSIZE', 'disk-full'],
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['EROFS', 'no-permission'],
    ['SQLITE_READONLY_DBMOVED', 'no-permission'],
    ['EBUSY', 'in-use'],
    ['SQLITE_BUSY', 'in-use'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'in-use'],
    ['SQLITE_CORRUPT', 'damaged'],
    ['SQLITE_NOTADB', 'damaged'],
    ['SQLITE_IOERR_READ', 'drive-error'],
    ['EIO', 'drive-error'],
    ['ENOENT', 'missing'],
    ['EISDIR', 'is-a-folder'],
  ] as const)('%s is %s', (code, kind) => {
    expect(faultKindOf(code)).toBe(kind);
  });

  it('knows nothing of other codes', () => {
    expect(faultKindOf('ECONNRESET')).toBeNull();
    expect(faultKindOf(undefined)).toBeNull();
    expect(classifyFault(new Error('plain'), '/tmp/w.sqlite')).toBeNull();
  });

  it('calls a full disk a full disk, for a workspace and for an export alike', () => {
    expect(classifyFault(errno('ENOSPC'), '/tmp/w.sqlite')?.code).toBe('disk-full');
    expect(exportWriteFault(errno('ENOSPC'), '/tmp/plan.pdf').code).toBe('disk-full');
    expect(exportWriteFault(errno('ENOSPC'), '/tmp/plan.pdf').message).toContain('There is not enough disk space in “/tmp” to save “plan.pdf”');
  });

  it('says what no permission means for what was being done', () => {
    expect(classifyFault(errno('EACCES'), '/data/w.sqlite')?.code).toBe('read-only');
    expect(exportWriteFault(errno('EACCES'), '/data/plan.pdf').code).toBe('read-only');
    const reading = importOpenFault(errno('EACCES'), '/data/street.csv', 'street.csv');
    expect(reading.code).toBe('invalid-file');
    expect(reading.message).toContain('“street.csv” cannot be opened: you do not have permission to read it');
  });

  it('passes the workbench’s own errors through unchanged', () => {
    const own = new WorkbenchError('cancelled', 'Stopped.');
    expect(classifyFault(own, null)).toBe(own);
    expect(exportWriteFault(own, '/tmp/x.pdf')).toBe(own);
    expect(importOpenFault(own, '/tmp/x.csv', 'x.csv')).toBe(own);
  });
});
