import iconv from 'iconv-lite';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { jpegScan, pngScan } from '../images';

// Cards in the answer shape of the CVR-100 family's local service (docs/id-card-reader.md): the
// fields as the service spells them, dates as YYYYMMDD, 长期 for no end, the photo as base64.
// The people are made up; the numbers are valid by construction.

export interface FakeCard {
  certType: string;
  partyName: string;
  englishName?: string;
  nationality?: string;
  gender: string;
  /** Name or GB/T 3304 code. */
  nation: string;
  bornDay: string;
  certAddress: string;
  certNumber: string;
  certOrg: string;
  effDate: string;
  expDate: string;
  identityPic: string;
}

const withCheck = (first17: string) => first17 + idCheckChar(first17);

/** A 102 × 126 24-bit BMP, the size and form the services decode the chip's photo to. */
export function bmpPhoto(width = 102, height = 126): Buffer {
  const rowBytes = Math.ceil((width * 24) / 32) * 4;
  const pixels = rowBytes * height;
  const b = Buffer.alloc(54 + pixels, 0x80);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(0, 30);
  b.writeUInt32LE(pixels, 34);
  return b;
}

export const PHOTOS = {
  bmp: bmpPhoto().toString('base64'),
  jpeg: jpegScan(102, 126).toString('base64'),
  png: pngScan(102, 126).toString('base64'),
};

/** Damaged photos as services have been seen to send them: cut short, not base64, or not an image. */
export const CORRUPT_PHOTOS = {
  truncatedJpeg: jpegScan(102, 126).subarray(0, 300).toString('base64'),
  truncatedBmp: bmpPhoto().subarray(0, 2000).toString('base64'),
  notBase64: '%%%not-base64%%%',
  notAnImage: Buffer.from('WLT compressed bytes, never decoded').toString('base64'),
  empty: '',
};

export const CARDS = {
  resident: {
    certType: ' ',
    partyName: '张三',
    gender: '女',
    nation: '汉',
    bornDay: '19491231',
    certAddress: '北京市朝阳区建国路1号',
    certNumber: '11010519491231002X',
    certOrg: '北京市公安局朝阳分局',
    effDate: '20200101',
    expDate: '长期',
    identityPic: PHOTOS.bmp,
  },
  /** Uyghur name with the middle dot and an ethnicity given as its code. */
  residentDot: {
    certType: '',
    partyName: '努尔艾力·买买提',
    gender: '男',
    nation: '05',
    bornDay: '19850312',
    certAddress: '新疆维吾尔自治区乌鲁木齐市天山区解放南路8号',
    certNumber: withCheck('65010219850312003'),
    certOrg: '乌鲁木齐市公安局天山区分局',
    effDate: '20180601',
    expDate: '20380601',
    identityPic: PHOTOS.jpeg,
  },
  /** 㛃 (U+36C3) is outside GBK: a GBK service sends it as four GB 18030 bytes. */
  residentRare: {
    certType: ' ',
    partyName: '王㛃',
    gender: '女',
    nation: '汉',
    bornDay: '19900101',
    certAddress: '浙江省杭州市西湖区文三路2号',
    certNumber: withCheck('33010619900101002'),
    certOrg: '杭州市公安局西湖区分局',
    effDate: '20160101',
    expDate: '20360101',
    identityPic: PHOTOS.png,
  },
  permit: {
    certType: 'J',
    partyName: '陈大文',
    gender: '女',
    nation: '',
    bornDay: '19940823',
    certAddress: '广东省深圳市福田区福华路3号',
    certNumber: withCheck('81000019940823002'),
    certOrg: '深圳市公安局',
    effDate: '20240101',
    expDate: '20290101',
    identityPic: PHOTOS.bmp,
  },
  foreigner: {
    certType: 'Y',
    partyName: '约翰·史密斯',
    englishName: 'SMITH, JOHN',
    nationality: 'USA',
    gender: '男',
    nation: '',
    bornDay: '19800101',
    certAddress: '',
    certNumber: withCheck('91184019800101123'),
    certOrg: '国家移民管理局',
    effDate: '20240101',
    expDate: '20340101',
    identityPic: PHOTOS.jpeg,
  },
  /** Expired the day before the suite's office date (2026-11-21). */
  expired: {
    certType: ' ',
    partyName: '赵六',
    gender: '男',
    nation: '汉',
    bornDay: '19700505',
    certAddress: '河南省郑州市金水区花园路4号',
    certNumber: withCheck('41010519700505001'),
    certOrg: '郑州市公安局金水分局',
    effDate: '20061120',
    expDate: '20261120',
    identityPic: PHOTOS.bmp,
  },
} satisfies Record<string, FakeCard>;

// The chip's 256-byte text block (GA 467), UCS-2 LE, fixed-width fields padded with spaces.
const LAYOUT: ReadonlyArray<readonly [(c: FakeCard) => string, number]> = [
  [(c) => c.partyName, 30],
  [(c) => (c.gender === '男' ? '1' : '2'), 2],
  [(c) => (c.nation === '汉' ? '01' : /^\d{2}$/.test(c.nation) ? c.nation : '  '), 4],
  [(c) => c.bornDay, 16],
  [(c) => c.certAddress, 70],
  [(c) => c.certNumber, 36],
  [(c) => c.certOrg, 30],
  [(c) => c.effDate, 16],
  [(c) => c.expDate, 16],
];

/** The block a resident card or permit holds; its type character at byte 248. */
export function baseMessageOf(card: FakeCard): Buffer {
  const block = Buffer.alloc(256);
  block.fill(Buffer.from(' ', 'utf16le'));
  let at = 0;
  for (const [field, width] of LAYOUT) {
    const bytes = Buffer.from(field(card), 'utf16le');
    if (bytes.length > width) throw new Error('field too long for the block');
    bytes.copy(block, at);
    at += width;
  }
  Buffer.from(card.certType.trim() === '' ? ' ' : card.certType, 'utf16le').copy(block, 248);
  return block;
}

export type AnswerEncoding = 'utf8' | 'gbk' | 'gbk_unlabelled' | 'ucs2_block';

/** The body and Content-Type of an answer as a service using that encoding sends it. */
export function encodeAnswer(answer: Record<string, unknown>, encoding: AnswerEncoding): { body: Buffer; contentType: string } {
  const json = JSON.stringify(answer);
  if (encoding === 'gbk') return { body: iconv.encode(json, 'gb18030'), contentType: 'application/json; charset=GBK' };
  if (encoding === 'gbk_unlabelled') return { body: iconv.encode(json, 'gb18030'), contentType: 'application/json' };
  return { body: Buffer.from(json, 'utf8'), contentType: 'application/json; charset=utf-8' };
}
