import QRCode from 'qrcode';

// The QR is vector: each run of dark modules in a row is one filled rectangle, so the printed
// code is as sharp as the printer (Chromium's print path turned SVG modules into hairlines).
// Error correction M: the seal text (~370 bytes) fits version 15 (77 modules); Q or H would push
// it to versions 18–22 and shrink each module below what a 150-dpi scan resolves at this size.

export const QR_ERROR_CORRECTION = 'M' as const;
/** The quiet zone the QR standard asks for, in modules. */
export const QR_QUIET_MODULES = 4;

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const { size, data } = qr.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

/** Rectangles [x, y, w, h] in module units (quiet zone excluded), one per horizontal run. */
export function qrRuns(m: QrMatrix): [number, number, number, number][] {
  const runs: [number, number, number, number][] = [];
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (!m.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark(row, col)) col++;
      runs.push([start, row, col - start, 1]);
    }
  }
  return runs;
}
