import { spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'prefixes %j with a quote so it is read as text',
    (value) => expect(spreadsheetSafe(value)).toBe(`'${value}`),
  );

  it.each(['Okafor', "O'Neil", 'a=b', '', '1-2'])('leaves %j alone', (value) => {
    expect(spreadsheetSafe(value)).toBe(value);
  });
});
