import { backupMissing, restoreTargetExists, restoredCopyBad } from '../../src/text/backup';

describe('backup texts', () => {
  it('says why a backup was not restored', () => {
    expect(backupMissing('backups/rishai-20261204-021500.db')).toMatchSnapshot();
    expect(restoreTargetExists('data/restored.db')).toMatchSnapshot();
    expect(restoredCopyBad('完整性检查未通过：page 3 is never used')).toMatchSnapshot();
  });
});
