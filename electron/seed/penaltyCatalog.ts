// Administrative-penalty templates for natural persons (individual businesses, drivers,
// practitioners). Fines are per tier [minor, ordinary, serious] in yuan and stay inside the
// ranges the cited articles allow, so a generated decision reads like a real one.
import type { PenaltyKind, RecordDomain } from '../../shared/domain/record';

export interface PenaltyTemplate {
  domain: RecordDomain;
  /** The violation, phrased as in a decision's 违法事实 line. */
  violation: string;
  law: string;
  fines: readonly [readonly [number, number], readonly [number, number], readonly [number, number]];
  /** Extra sanction for the serious tier (licence revocation etc.). */
  seriousExtra?: string;
  /** Whether a warning alone is a plausible minor-tier outcome. */
  warningOnly?: boolean;
}

const T = (
  domain: RecordDomain,
  violation: string,
  law: string,
  fines: PenaltyTemplate['fines'],
  seriousExtra?: string,
  warningOnly = true,
): PenaltyTemplate => ({ domain, violation, law, fines, ...(seriousExtra ? { seriousExtra } : {}), warningOnly });

export const PENALTY_TEMPLATES: readonly PenaltyTemplate[] = [
  T('food_drug', '未按规定在经营场所显著位置公示食品经营许可证', '《中华人民共和国食品安全法》第一百二十六条', [[500, 2000], [2000, 5000], [5000, 20000]]),
  T('food_drug', '经营超过保质期的食品', '《中华人民共和国食品安全法》第一百二十四条', [[1000, 5000], [10000, 50000], [50000, 200000]], '吊销食品经营许可证', false),
  T('food_drug', '安排未取得健康证明的人员从事接触直接入口食品的工作', '《中华人民共和国食品安全法》第一百二十六条', [[500, 2000], [5000, 20000], [20000, 50000]]),
  T('food_drug', '未取得药品经营许可证销售药品', '《中华人民共和国药品管理法》第一百一十五条', [[50000, 100000], [150000, 500000], [500000, 2000000]], '没收违法销售的药品', false),
  T('work_safety', '特种作业人员未按规定经专门的安全作业培训并取得相应资格上岗作业', '《中华人民共和国安全生产法》第九十七条', [[1000, 10000], [10000, 50000], [50000, 100000]]),
  T('work_safety', '未按规定对从业人员进行安全生产教育和培训', '《中华人民共和国安全生产法》第九十七条', [[1000, 10000], [10000, 50000], [50000, 100000]]),
  T('work_safety', '生产经营单位主要负责人未履行安全生产管理职责，导致发生生产安全事故', '《中华人民共和国安全生产法》第九十五条', [[20000, 40000], [40000, 100000], [100000, 300000]], '五年内不得担任任何生产经营单位的主要负责人', false),
  T('tax', '未按照规定期限办理纳税申报和报送纳税资料', '《中华人民共和国税收征收管理法》第六十二条', [[200, 2000], [2000, 5000], [5000, 10000]]),
  T('tax', '未按照规定开具发票', '《中华人民共和国发票管理办法》第三十三条', [[200, 2000], [2000, 5000], [5000, 10000]]),
  T('tax', '通过隐匿收入方式少缴个人所得税', '《中华人民共和国税收征收管理法》第六十三条', [[5000, 20000], [20000, 100000], [100000, 800000]], '追缴少缴的税款、滞纳金', false),
  T('transport', '未取得网络预约出租汽车驾驶员证从事网约车经营', '《网络预约出租汽车经营服务管理暂行办法》第三十四条', [[200, 1000], [3000, 5000], [5000, 10000]]),
  T('transport', '驾驶货运车辆违法超限运输', '《公路安全保护条例》第六十四条', [[200, 1000], [1000, 10000], [10000, 30000]]),
  T('transport', '未取得道路运输经营许可擅自从事道路普通货物运输经营', '《中华人民共和国道路运输条例》第六十三条', [[5000, 10000], [10000, 30000], [30000, 100000]], '没收违法所得', false),
  T('environment', '露天焚烧秸秆、落叶等产生烟尘污染的物质', '《中华人民共和国大气污染防治法》第一百一十九条', [[500, 2000], [500, 2000], [2000, 2000]]),
  T('environment', '餐饮服务业经营者未安装油烟净化设施，油烟直接排放', '《中华人民共和国大气污染防治法》第一百一十八条', [[5000, 10000], [10000, 30000], [30000, 50000]], '责令停业整治'),
  T('environment', '在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业', '《中华人民共和国噪声污染防治法》第七十七条', [[10000, 30000], [30000, 60000], [60000, 100000]]),
  T('market', '销售不符合保障人体健康和人身、财产安全的国家标准的产品', '《中华人民共和国产品质量法》第四十九条', [[2000, 10000], [10000, 50000], [50000, 200000]], '吊销营业执照', false),
  T('market', '使用未经检定的计量器具进行贸易结算', '《中华人民共和国计量法实施细则》第四十三条', [[200, 1000], [1000, 2000], [2000, 3000]]),
  T('market', '发布虚假广告，欺骗、误导消费者', '《中华人民共和国广告法》第五十五条', [[5000, 50000], [50000, 200000], [200000, 1000000]], '吊销营业执照', false),
  T('market', '明码标价不规范，未按规定标示商品价格', '《明码标价和禁止价格欺诈规定》第二十一条', [[200, 1000], [1000, 3000], [3000, 5000]]),
  T('education', '未经审批擅自面向中小学生开展学科类校外培训', '《中华人民共和国民办教育促进法》第六十四条', [[5000, 20000], [20000, 50000], [50000, 100000]], '没收违法所得', false),
  T('health', '在禁止吸烟场所吸烟且不听劝阻', '《{city}控制吸烟条例》', [[50, 200], [200, 200], [200, 200]]),
  T('health', '未取得医疗机构执业许可证擅自执业', '《医疗机构管理条例》第四十三条', [[10000, 50000], [50000, 100000], [100000, 200000]], '没收违法所得及药品、器械', false),
  T('health', '医师未按照注册的执业地点、执业类别、执业范围执业', '《中华人民共和国医师法》第五十七条', [[1000, 5000], [5000, 10000], [10000, 20000]], '暂停执业活动六个月'),
  T('housing', '未取得施工许可证擅自施工', '《建设工程质量管理条例》第五十七条', [[5000, 20000], [20000, 50000], [50000, 100000]]),
  T('housing', '装修人擅自变动建筑主体和承重结构', '《住宅室内装饰装修管理办法》第三十八条', [[500, 1000], [1000, 5000], [5000, 10000]]),
  T('housing', '房地产经纪人员未按规定公示服务项目和收费标准', '《房地产经纪管理办法》第三十四条', [[500, 1000], [1000, 3000], [3000, 10000]]),
  T('finance', '出租、出借银行账户', '《人民币银行结算账户管理办法》第六十五条', [[1000, 1000], [1000, 1000], [1000, 1000]], '五年内暂停其银行账户非柜面业务'),
  T('finance', '以分拆等方式规避个人外汇管理', '《中华人民共和国外汇管理条例》第四十条', [[1000, 10000], [10000, 100000], [100000, 300000]]),
  T('civil_affairs', '未经登记擅自以社会组织名义开展活动', '《社会团体登记管理条例》第三十二条', [[1000, 5000], [5000, 10000], [10000, 20000]], '没收非法财产'),
  T('civil_affairs', '擅自兴建殡葬设施', '《殡葬管理条例》第十八条', [[1000, 5000], [5000, 10000], [10000, 30000]], '责令限期拆除', false),
];

/**
 * The penalty kind (Administrative Penalty Law art. 9) of a decision built from a template: the
 * heaviest sanction it imposes. A serious decision with a revocation or suspension is what the
 * repair exclusions look for, so the demo and generated data must carry it.
 */
export function penaltyKindOf(t: PenaltyTemplate, severity: 'minor' | 'ordinary' | 'serious', warningOnly: boolean): PenaltyKind {
  if (warningOnly) return 'warning';
  const extra = severity === 'serious' ? t.seriousExtra : undefined;
  if (!extra) return 'fine';
  if (extra.startsWith('吊销')) return 'licence_revocation';
  if (extra.startsWith('暂停执业') || extra.startsWith('暂扣')) return 'licence_suspension';
  if (extra.startsWith('责令停')) return 'production_suspension';
  if (extra.includes('不得担任')) return 'employment_restriction';
  if (extra.includes('暂停其银行账户')) return 'activity_restriction';
  if (extra.startsWith('没收')) return 'confiscation';
  // 追缴税款, 责令限期拆除: remedial orders, not penalties; the fine is the penalty.
  return 'fine';
}
