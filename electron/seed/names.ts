// Realistic Chinese personal names. Surname weights approximate the shares (per mille) of the
// 2020 census ranking (王 李 张 刘 陈 ≈ 30% together); compound surnames are kept rare, as they are.
import type { Rng } from './prng';
import { weightedTable } from './prng';

const SURNAME_WEIGHTS: [string, number][] = (
  [
    ['王', 74.1], ['李', 72.9], ['张', 69.6], ['刘', 54.2], ['陈', 47.1], ['杨', 31.5], ['黄', 23.3], ['赵', 20.5],
    ['吴', 19.4], ['周', 18.9], ['徐', 13.4], ['孙', 12.6], ['马', 12.4], ['朱', 11.5], ['胡', 10.6], ['郭', 10.4],
    ['何', 10.3], ['林', 9.8], ['高', 9.8], ['罗', 9.5], ['郑', 8.9], ['梁', 8.7], ['谢', 7.2], ['宋', 6.8],
    ['唐', 6.6], ['许', 6.2], ['韩', 6.0], ['邓', 5.8], ['冯', 5.8], ['曹', 5.6], ['彭', 5.3], ['曾', 5.1],
    ['肖', 5.0], ['田', 4.9], ['董', 4.8], ['潘', 4.5], ['袁', 4.5], ['蔡', 4.3], ['蒋', 4.3], ['余', 4.1],
    ['于', 4.1], ['杜', 4.0], ['叶', 3.9], ['程', 3.8], ['魏', 3.7], ['苏', 3.6], ['吕', 3.6], ['丁', 3.5],
    ['任', 3.5], ['卢', 3.4], ['姚', 3.4], ['沈', 3.3], ['钟', 3.2], ['姜', 3.2], ['崔', 3.1], ['谭', 3.0],
    ['陆', 3.0], ['范', 2.8], ['汪', 2.8], ['廖', 2.8], ['石', 2.7], ['金', 2.6], ['韦', 2.6], ['贾', 2.5],
    ['夏', 2.5], ['付', 2.4], ['方', 2.4], ['邹', 2.3], ['熊', 2.3], ['白', 2.3], ['孟', 2.2], ['秦', 2.2],
    ['邱', 2.2], ['侯', 2.1], ['江', 2.1], ['尹', 2.0], ['薛', 2.0], ['闫', 2.0], ['段', 1.9], ['雷', 1.9],
    ['龙', 1.8], ['黎', 1.8], ['史', 1.8], ['陶', 1.7], ['贺', 1.7], ['毛', 1.7], ['郝', 1.6], ['顾', 1.6],
    ['龚', 1.6], ['邵', 1.5], ['万', 1.5], ['覃', 1.5], ['武', 1.5], ['钱', 1.4], ['戴', 1.4], ['严', 1.4],
    ['莫', 1.3], ['孔', 1.3], ['向', 1.3], ['常', 1.3],
    ['欧阳', 0.15], ['司马', 0.03], ['诸葛', 0.02], ['上官', 0.03], ['东方', 0.02], ['皇甫', 0.02], ['慕容', 0.01],
  ] as [string, number][]
);

const SURNAMES = weightedTable(SURNAME_WEIGHTS);

// Character pools drawn from the most frequent given-name characters by gender; the neutral
// pool mixes into both so names like 张文静 and 李子轩 both occur.
const MALE = [...'伟强磊军洋勇杰涛明超辉刚健斌鹏宇浩俊峰建国志华平东波亮飞鑫博文轩皓然晨阳天佑凯毅宏昊铭成龙海林'];
const FEMALE = [...'芳娜敏静丽艳娟霞秀英玲桂兰婷雪慧琳颖倩洁丹萍红燕梅莉琴云欣怡梓涵诗雨晴悦佳璐思瑶萱彤'];
const NEUTRAL = [...'子文嘉一安宁春晓新永玉明清'];

export function pickSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export function pickGivenName(rng: Rng, gender: 'M' | 'F'): string {
  const own = gender === 'M' ? MALE : FEMALE;
  const char = (): string => (rng.chance(0.15) ? rng.pick(NEUTRAL) : rng.pick(own));
  // Single-character given names were common before ~1990 and are rarer now.
  if (rng.chance(0.16)) return char();
  const first = char();
  let second = char();
  if (second === first && !rng.chance(0.3)) second = rng.pick(own); // 婷婷 happens, but not that often
  return first + second;
}

export function personName(rng: Rng, gender: 'M' | 'F'): string {
  return pickSurname(rng) + pickGivenName(rng, gender);
}
