// Why a hall number or the evaluation device's address was refused (issue 23): the reasons the
// contract names (shared/contract/hall.ts), one sentence each in both languages.

export const HALL_FIELD_REASONS: Record<string, { zh: string; en: string }> = {
  hall_number_chars: { zh: '只能包含英文字母、数字和连字符“-”，请核对或重新扫描。', en: "Letters, digits and '-' only; check it or scan it again." },
  hall_url_required: { zh: '选择“网络推送”时须填写评价器的地址。', en: 'With HTTP POST chosen, enter the evaluation device’s address.' },
  hall_url_not_url: { zh: '这不是一个地址，应形如 http://192.168.1.20:8080/evaluate。', en: 'This is not an address; it looks like http://192.168.1.20:8080/evaluate.' },
  hall_url_scheme: { zh: '评价器地址须以 http:// 或 https:// 开头。', en: 'The evaluation device’s address starts with http:// or https://.' },
  hall_url_credentials: { zh: '地址中不能含用户名或密码（会显示在屏幕上并写入审计日志）。', en: 'The address may not hold a user name or password (it is shown on screen and written to the audit log).' },
};
