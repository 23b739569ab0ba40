import fs from 'node:fs';
import path from 'node:path';
import { LABEL_PREFIXES, LABELS, OTHER_LABELS, SLOTS } from '../../src/core/report/labels';

const README = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## 日报怎么写'), README.indexOf('## 群里的指令'));

describe('README, 日报怎么写', () => {
  it.each(SLOTS.flatMap((slot) => LABELS[slot]))('lists the label %s', (label) => {
    expect(SECTION).toContain(label);
  });

  it('lists the words before labels and the labels not kept', () => {
    for (const word of [...LABEL_PREFIXES, ...OTHER_LABELS]) expect(SECTION).toContain(`\`${word}\``);
  });
});
