import type { EntityContent } from '../../../shared/domain/entityReport';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { fill, issuingOffice, L, label, type Bi, type ReportLang } from '../reportLabels';
import { E, ENTITY_TYPE_LABELS, OPERATING_STATUS_LABELS } from '../entityReportLabels';
import { MM, PdfLayout, type FinishedPdf } from './layout';
import { copyMark, MUTED, pageLabel, WARN } from './reportPdf';

// What both entity reports print alike: the title, the facts of issue, the entity, the data date
// (with the stale warning on the report's face) and the page frame with the QR. The facts and the
// frame are the personal report's, so an office reads all three kinds the same way.

export interface EntityPdfInput<C extends EntityContent> {
  content: C;
  lang: ReportLang;
  qrText: string;
  verifyCode: string;
  copyNo: number;
}

export function openEntityPdf(input: EntityPdfInput<EntityContent>, title: Bi): PdfLayout {
  const { content: c, lang, copyNo } = input;
  const bi = (b: Bi) => label(b, lang);
  const layout = new PdfLayout({
    info: {
      Title: `${title[0]} ${c.reportNo}`,
      Author: c.office.name,
      Subject: `${c.reportNo} ${copyMark(copyNo, 'zh')}`,
      // The file ID is an MD5 over this dictionary, so it follows the signed content and the copy.
      Keywords: `${c.reportNo} ${input.verifyCode} copy-${copyNo} ${lang}`,
      CreationDate: new Date(c.issuedAt),
    },
    withQr: true,
  });
  layout.paragraph({ text: title[0], heavy: true, size: 17 }, { align: 'center', after: lang === 'en' ? 0 : 3 * MM });
  if (lang === 'en') layout.paragraph({ text: title[1], size: 10, color: MUTED }, { align: 'center', after: 3 * MM });
  if (copyNo > 1) layout.paragraph({ text: `${copyMark(copyNo, lang)}　${bi(L.reprintNotice)}`, heavy: true, color: WARN }, { after: 1.5 * MM });
  if (c.freshness.stale) layout.paragraph({ text: bi([fill(E.staleWarning[0], { days: c.freshness.limitDays }), fill(E.staleWarning[1], { days: c.freshness.limitDays })]), heavy: true, color: WARN }, { after: 1.5 * MM });
  const purpose = `${lang === 'en' ? `${c.purpose.zh} ${c.purpose.en}` : c.purpose.zh}${c.purpose.text ? `：${c.purpose.text}` : ''}`;
  const applicant =
    c.applicant.kind === 'self'
      ? bi(E.legalRepInPerson)
      : `${bi(L.agent)}　${bi(L.agentName)}：${c.applicant.agentName}（${c.applicant.agentIdNumberMasked}）　${bi(L.authorizationNo)}：${c.applicant.documentNo}　${bi(L.validity)}：${c.applicant.validFrom} — ${c.applicant.validTo}`;
  layout.keyValues([
    [bi(L.reportNo), `${c.reportNo}　　${copyMark(copyNo, lang)}`],
    [bi(L.office), issuingOffice(c.office, lang)],
    [bi(L.issuedAt), chinaDateTime(c.issuedAt)],
    [bi(E.dataDate), c.freshness.dataAsOf ? chinaDateTime(c.freshness.dataAsOf) : bi(E.dataNone)],
    [bi(L.purpose), purpose],
    [bi(L.applicant), applicant],
  ]);

  const s = c.subject;
  const reg = s.registration;
  layout.heading(bi(E.identity));
  layout.keyValues([
    [bi(E.entityName), s.name],
    [bi(E.creditCode), s.creditCode],
    [bi(E.legalRep), s.legalRepresentative ?? '—'],
    [bi(E.region), s.regionCode],
    ...(reg
      ? ([
          [bi(E.registrationNo), reg.registrationNo ?? '—'],
          [bi(E.entityType), bi(ENTITY_TYPE_LABELS[reg.entityType])],
          [bi(E.establishedOn), reg.establishedOn ?? '—'],
          [bi(E.registeredCapital), reg.registeredCapital ?? '—'],
          [bi(E.address), reg.address],
          [bi(E.businessScope), reg.businessScope],
          [bi(E.registrationAuthority), reg.registrationAuthority],
          [bi(E.operatingStatus), bi(OPERATING_STATUS_LABELS[reg.operatingStatus])],
        ] as [string, string][])
      : []),
  ]);
  return layout;
}

export function finishEntityPdf(layout: PdfLayout, input: EntityPdfInput<EntityContent>, title: Bi, notes: readonly Bi[]): Promise<FinishedPdf> {
  const { content: c, lang, copyNo } = input;
  const bi = (b: Bi) => label(b, lang);
  layout.heading(bi(L.notes), 10 * MM);
  notes.forEach((n, i) => layout.paragraph({ text: `${i + 1}. ${bi(n)}`, size: 7.2 }, { after: 0.8 * MM }));
  return layout.finish({
    headerLeft: `${title[0]}　${bi(L.reportNo)}：${c.reportNo}`,
    headerRight: copyMark(copyNo, lang),
    footerLines: [
      { text: `${bi(L.reportNo)}：${c.reportNo}` },
      { text: `${bi(L.verifyCode)}：${input.verifyCode}`, heavy: true, size: 9 },
      { text: bi(L.verifyHint), color: MUTED, size: 6.8 },
      { text: c.office.name, color: MUTED, size: 6.8 },
    ],
    pageLabel: pageLabel(lang),
    qrText: input.qrText,
  });
}
