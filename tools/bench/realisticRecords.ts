import type { RecordRow } from '../../shared/domain/population';
import type { RecordCategory } from '../../shared/domain/record';

// Records of realistic length for the report's page-count test and the bench: the content is a
// penalty decision's paragraph of facts and legal basis. Real records vary in length, so record i
// gets between half and one and a half times `chars` (spread evenly, the same on every run) and
// the records average `chars` characters. Titles, document numbers and providing units have the
// length real ones have.

const SENTENCES = [
  '经查，当事人于2025年3月至6月期间在经营场所销售超过保质期的预包装食品，货值金额共计人民币3,260元，违法所得人民币1,120元。',
  '上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。',
  '依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，本机关责令当事人改正违法行为，并作出如下处罚：',
  '一、没收违法所得人民币1,120元；二、没收超过保质期的食品共计42件；三、处罚款人民币50,000元。',
  '当事人在法定期限内未申请行政复议，也未提起行政诉讼，已于2025年9月12日缴清全部罚没款项。',
  '执法人员现场检查时发现，当事人未按规定建立并执行进货查验记录制度，无法提供部分商品的供货者许可证和产品合格证明文件。',
  '鉴于当事人积极配合调查、主动消除违法行为危害后果，依据《中华人民共和国行政处罚法》第三十二条第（一）项的规定，依法从轻处罚。',
  '本决定书自送达之日起生效，当事人应当自收到本决定书之日起十五日内到指定银行缴纳罚款，逾期不缴纳的，每日按罚款数额的百分之三加处罚款。',
];

const CATEGORIES: RecordCategory[] = ['basic', 'admin_licence', 'admin_penalty', 'honour', 'tax_credit', 'contract_performance'];
const UNITS = ['北京市朝阳区市场监督管理局', '北京市生态环境局', '国家税务总局北京市朝阳区税务局', '北京市朝阳区人力资源和社会保障局'];

/** `chars` characters of a penalty decision's text, starting at sentence `seed` so records differ. */
export function recordContent(chars: number, seed = 0): string {
  let text = '';
  for (let i = seed; Array.from(text).length < chars; i++) text += SENTENCES[i % SENTENCES.length]!;
  return Array.from(text).slice(0, chars).join('');
}

/** Length of record i: evenly spread over [chars / 2, 3 chars / 2), averaging `chars`. */
export function contentLength(i: number, chars: number): number {
  return Math.round(chars * (0.5 + ((i * 617) % 1000) / 1000));
}

/** `count` records for subject `subjectCentralId`, cycling through the categories, averaging `chars` characters of content. */
export function realisticRecords(subjectCentralId: string, count: number, chars: number, publicityEnd: string): RecordRow[] {
  return Array.from({ length: count }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    return {
      subjectCentralId,
      centralId: `${subjectCentralId}-R${i}`,
      category,
      domain: 'market',
      severity: category === 'admin_penalty' ? 'ordinary' : null,
      title: `销售超过保质期食品案（第 ${i + 1} 号）`,
      content: recordContent(contentLength(i, chars), i),
      providerUnit: UNITS[i % UNITS.length]!,
      documentNo: `京朝市监罚〔2026〕${1000 + i}号`,
      occurredOn: '2026-02-09',
      decidedOn: '2026-03-18',
      publicityStart: '2026-03-18',
      publicityEnd: category === 'admin_penalty' ? publicityEnd : null,
      status: 'active',
      version: 1,
    };
  });
}
