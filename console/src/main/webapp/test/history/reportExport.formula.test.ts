import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/pages/history/reportExport';

describe('csvField', () => {
  it('never lets a spreadsheet run a cell as a formula, and keeps numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField(-3)).toBe('-3');
    expect(csvField('web-01')).toBe('web-01');
  });
});
