import type { ExportedFile, ExportFormat } from '../../../shared/contract/exportFile';

// One way to turn a table into a file the office can open: CSV (UTF-8 with BOM, so Excel on a
// Chinese Windows reads it as UTF-8 rather than GBK) or an Excel workbook. Bytes out, never a path.

export type Cell = string | number | null;

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it as text (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function exportTable(format: ExportFormat, baseName: string, sheet: string, headers: string[], rows: Cell[][]): Promise<ExportedFile> {
  let bytes: Buffer;
  if (format === 'csv') {
    const text = [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
    bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
  } else {
    // exceljs takes about 300 ms to load: loaded at the first spreadsheet export, not at start.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = 'CreditDesk';
    const ws = book.addWorksheet(sheet.slice(0, 31));
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      const longest = Math.max(headers[i]?.length ?? 0, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
      c.width = Math.min(60, Math.max(8, longest * 1.6));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    bytes = Buffer.from(await book.xlsx.writeBuffer());
  }
  return { fileName: `${baseName}.${format}`, mimeType: MIME[format], dataBase64: bytes.toString('base64'), rows: rows.length };
}
