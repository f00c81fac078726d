/**
 * CSV as spreadsheets read it (RFC 4180, CRLF). A cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) gets a leading apostrophe, so an
 * export cannot carry a formula into someone's spreadsheet.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
