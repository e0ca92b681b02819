import type { Locale } from './errorMessages';

// The names people know the contract's input fields by, so a refusal can name the field ("“授权截止日期”：…")
// instead of a path. Keyed by the last segment of the field path; a field not listed here is named by
// the form that sent it (it marks the field itself).
const LABELS: Record<string, { zh: string; en: string }> = {
  username: { zh: '用户名', en: 'User name' },
  password: { zh: '密码', en: 'Password' },
  displayName: { zh: '姓名', en: 'Full name' },
  role: { zh: '角色', en: 'Role' },
  idNumber: { zh: '身份证号码', en: 'ID number' },
  name: { zh: '姓名', en: 'Name' },
  purposeCode: { zh: '查询用途', en: 'Purpose' },
  purposeText: { zh: '用途说明', en: 'Description of the purpose' },
  agentIdNumber: { zh: '代理人身份证号码', en: "Agent's ID number" },
  agentName: { zh: '代理人姓名', en: "Agent's name" },
  documentNo: { zh: '授权书编号', en: 'Authorization No.' },
  scope: { zh: '授权范围', en: 'Authorized sections' },
  validFrom: { zh: '授权起始日期', en: 'Valid from' },
  validTo: { zh: '授权截止日期', en: 'Valid until' },
  attachmentSha256: { zh: '授权书扫描件', en: 'Scanned letter' },
  fileName: { zh: '文件名', en: 'File name' },
  mimeType: { zh: '文件类型', en: 'File type' },
  dataBase64: { zh: '文件内容', en: 'File content' },
  fields: { zh: '查询领域', en: 'Fields' },
  from: { zh: '起始日期', en: 'From' },
  to: { zh: '截止日期', en: 'To' },
  receivedFrom: { zh: '受理起始日期', en: 'Received from' },
  receivedTo: { zh: '受理截止日期', en: 'Received to' },
  description: { zh: '异议理由', en: 'Grounds' },
  text: { zh: '声明内容', en: 'Statement' },
  recordIds: { zh: '记录', en: 'Records' },
  recordId: { zh: '记录', en: 'Record' },
  officeCode: { zh: '窗口代码', en: 'Office code' },
  officeName: { zh: '窗口名称', en: 'Office name' },
  confirmFingerprint: { zh: '指纹确认', en: 'Fingerprint confirmation' },
  reportNo: { zh: '报告编号', en: 'Report No.' },
  code: { zh: '验证码', en: 'Verification code' },
  qrText: { zh: '二维码内容', en: 'QR content' },
  note: { zh: '备注', en: 'Note' },
  correctedContent: { zh: '更正后的内容', en: 'Corrected content' },
  year: { zh: '年份', en: 'Year' },
  notice: { zh: '通知文号', en: 'Notice No.' },
  holidays: { zh: '放假日期', en: 'Holidays' },
  workdays: { zh: '调休上班日期', en: 'Make-up working days' },
  days: { zh: '放假安排', en: 'Arrangement' },
  // Hall integration (issue 23).
  queueTicket: { zh: '排队号', en: 'Queue ticket' },
  hallCaseNo: { zh: '办件编号', en: 'Hall case no.' },
  url: { zh: '地址', en: 'Address' },
};

/** The label of the field at `path` ("applicant.validTo" → 授权截止日期), or null when it has none. */
export function fieldLabel(path: string, locale: Locale): string | null {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  const last = segments.at(-1);
  return last ? (LABELS[last]?.[locale] ?? null) : null;
}
