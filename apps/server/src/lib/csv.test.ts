import { describe, expect, it } from 'vitest';
import { escapeCsvCell, parseCsvWithHeader, unescapeCsvCell } from './csv';

describe('escapeCsvCell and unescapeCsvCell', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+41', "'+41"],
    ['-5', "'-5"],
    ['@risk', "'@risk"],
    ['\tindent', "'\tindent"],
    ["'quoted", "''quoted"],
    ["'=already", "''=already"],
    ['plain', 'plain'],
    ['', ''],
  ])('%j exports as %j and imports back', (value, exported) => {
    expect(escapeCsvCell(value)).toBe(exported);
    expect(unescapeCsvCell(exported)).toBe(value);
  });

  it('leaves a hand-written quote before ordinary text alone', () => {
    expect(unescapeCsvCell("'80s music")).toBe("'80s music");
  });

  it('unescapes every cell an import reads', () => {
    const errors: { line: number; message: string }[] = [];
    const rows = parseCsvWithHeader("title,baseline\n'=x,'-5\n", ['title', 'baseline'], 10, errors);
    expect(rows).toEqual([{ line: 2, record: { title: '=x', baseline: '-5' } }]);
    expect(errors).toEqual([]);
  });
});
