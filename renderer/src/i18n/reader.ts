import { bilingual } from '../../../shared/i18n/bilingual';
// The ID card reader (issue 25): its settings screen and the query log's identity column.
export const reader = bilingual({
  zh: {
    nav: { cardReader: '身份证读卡器' },
    reader: {
      title: '身份证读卡器',
      hint: '选择本机安装的读卡器服务。读卡服务只能在本机（127.0.0.1）上；照片仅用于人像比对，不会保存。',
      adapter: '读卡方式',
      adapters: { none: '不使用读卡器（手工输入）', cvr_http: '华视 CVR-100 系列：本机 HTTP 服务', cvr_ws: '华视 CVR-100 系列：本机 WebSocket 服务' },
      url: '读卡服务地址',
      urlHint: { cvr_http: '例如 http://127.0.0.1:19196', cvr_ws: '例如 ws://127.0.0.1:7415' },
      timeout: '读卡时限（秒）',
      save: '保存设置',
      saved: '读卡器设置已保存。',
      test: '测试读卡器',
      testHint: '测试时可以不放证件：读卡器回答“没有证件”也说明连接正常。',
      reachable: '读卡器连接正常。',
      readOk: '读卡器连接正常，已成功读取一张证件（证件内容不显示）。',
      module: '安全模块号：{{id}}',
    },
    queryLog: { identity: '身份核验', anyIdentity: '全部方式', card: '读卡', typed: '手工输入' },
  },
  en: {
    nav: { cardReader: 'ID card reader' },
    reader: {
      title: 'ID card reader',
      hint: "Choose the reader service installed on this computer. It must run on this computer (127.0.0.1); the card's photo is only shown for the face comparison and never stored.",
      adapter: 'Reader',
      adapters: { none: 'No reader (type the details)', cvr_http: 'CVR-100 family: local HTTP service', cvr_ws: 'CVR-100 family: local WebSocket service' },
      url: 'Service address',
      urlHint: { cvr_http: 'for example http://127.0.0.1:19196', cvr_ws: 'for example ws://127.0.0.1:7415' },
      timeout: 'Read timeout (seconds)',
      save: 'Save settings',
      saved: 'The reader settings are saved.',
      test: 'Test the reader',
      testHint: 'No card is needed for the test: a reader that answers "no card" is connected.',
      reachable: 'The reader is connected.',
      readOk: 'The reader is connected and read a card (its content is not shown).',
      module: 'Security module: {{id}}',
    },
    queryLog: { identity: 'Identity', anyIdentity: 'Any', card: 'card', typed: 'typed' },
  },
});
