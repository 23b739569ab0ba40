import { parseMessage } from '../../src/core/report/parse';
import { comparable, expected, loadFixtures } from '../fixtures/corpus';

const FIXTURES = loadFixtures();

describe('the fixture corpus', () => {
  it('holds at least 150 messages, each named once', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(FIXTURES.map((f) => f.id)).size).toBe(FIXTURES.length);
  });

  it.each(FIXTURES.map((f) => [f.id, f] as const))('%s', (_, f) => {
    expect(comparable(parseMessage(f.text, f.at))).toEqual(expected(f));
  });
});
