import { describe, expect, it } from 'vitest';
import { splitList } from '../../app/lib/split-list';

describe('splitList', () => {
  it('splits on commas and semicolons, half- and full-width, and drops blanks', () => {
    expect(splitList('vip, 批发，重点客户;wholesale；  ,老客户、大客户')).toEqual(['vip', '批发', '重点客户', 'wholesale', '老客户', '大客户']);
    expect(splitList('138 0013 8000，010-6552 9988')).toEqual(['138 0013 8000', '010-6552 9988']);
    expect(splitList('   ')).toEqual([]);
  });
});
