// Hall integration (issue 23), the words without the schema library: what a visit's end tells the
// hall's evaluation device (好差评), and the adapters an administrator chooses from.

/**
 * What was done on a visit, as the evaluation device is told (serviceItems) and the audit log
 * names it: the lookup always, then what the visit produced.
 */
export const SERVICE_ITEMS = {
  lookup: { zh: '信用信息查询', en: 'Credit information lookup' },
  report_issued: { zh: '出具信用报告', en: 'Credit report issued' },
  objection_received: { zh: '受理异议申请', en: 'Objection received' },
  repair_received: { zh: '受理信用修复申请', en: 'Credit repair application received' },
  statement_recorded: { zh: '登记本人声明', en: 'Personal statement recorded' },
} as const;
export type ServiceItem = keyof typeof SERVICE_ITEMS;

export const EVALUATION_ADAPTERS = ['none', 'http'] as const;
export type EvaluationAdapter = (typeof EVALUATION_ADAPTERS)[number];

/** Why a notification was not delivered (electron/services/hall/evaluationDevice.ts). */
export type EvaluationFailure = 'device_unreachable' | 'device_timeout' | 'device_http_error' | 'device_transport' | 'device_interrupted';
