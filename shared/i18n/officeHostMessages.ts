import type { ApiErrorBody } from '../errors';
import { ENROLL_PAUSE_MINUTES, ENROLLMENT_CODE_MINUTES, WINDOW_NAME_MAX, WINDOW_NUMBER_MAX } from '../domain/officeWindow';

type Sentence = { zh: string; en: string };

// The office host and its windows (issue 23): one sentence per code, and per refusal reason where
// the reason tells the person what to do.
export const OFFICE_HOST_MESSAGES: Record<'ENROLLMENT_REFUSED' | 'HOST_KEY_CHANGED' | 'HOST_UNREACHABLE' | 'WINDOW_REFUSED', Sentence> = {
  ENROLLMENT_REFUSED: { zh: '窗口注册被拒绝，本机未保存任何内容。请向管理员索取新的注册码。', en: 'The window enrollment was refused and nothing was stored. Ask the administrator for a new code.' },
  HOST_KEY_CHANGED: {
    zh: '办公主机出示的密钥与本窗口注册时记录的不同，本窗口不会连接。如主机确已更换，请管理员用新注册码重新注册本窗口；否则可能有人在截取连接，请报告管理员。',
    en: 'The office host shows a different key than the one this window enrolled with, so this window does not connect. If the host was really replaced, an administrator enrolls this window again with a new code; otherwise someone may be intercepting the connection: tell the administrator.',
  },
  HOST_UNREACHABLE: { zh: '无法连接办公主机，请检查网络和主机地址，或请管理员确认主机正在运行。', en: 'The office host cannot be reached. Check the network and the host address, or ask the administrator whether the host is running.' },
  WINDOW_REFUSED: { zh: '办公主机拒绝了本窗口：本窗口可能已被吊销或停用。请联系管理员。', en: 'The office host refused this window: it may have been revoked or disabled. Ask the administrator.' },
};

const ENROLLMENT_REASONS: Record<string, Sentence> = {
  code_malformed: { zh: '注册码不完整或格式不对，请核对后重新输入。', en: 'The enrollment code is incomplete or not well formed; check it and type it again.' },
  pin_malformed: { zh: '主机密钥指纹格式不对（至少 16 位十六进制数字），请核对。', en: "The host key's fingerprint is not well formed (at least 16 hexadecimal digits); check it." },
  address_malformed: { zh: '主机地址格式不对，应为“IP 地址:端口”。', en: 'The host address is not well formed; it is IP-ADDRESS:PORT.' },
  code_unknown: { zh: '没有这个注册码，请向管理员索取新的注册码。', en: 'There is no such enrollment code; ask the administrator for a new one.' },
  code_used: { zh: '该注册码已经使用过（每个注册码只能用一次），请向管理员索取新的注册码。', en: 'This enrollment code has already been used (each works once); ask the administrator for a new one.' },
  code_expired: { zh: `该注册码已过期（有效期 ${ENROLLMENT_CODE_MINUTES} 分钟），请向管理员索取新的注册码。`, en: `This enrollment code has expired (it is good for ${ENROLLMENT_CODE_MINUTES} minutes); ask the administrator for a new one.` },
  host_key_mismatch: {
    zh: '该地址上的计算机没有出示注册码中的办公主机密钥，本机未发送任何内容。请核对地址，或向管理员索取新的注册码。',
    en: "The computer at that address did not show the office host's key named in the code; nothing was sent. Check the address, or ask the administrator for a new code.",
  },
  host_not_started: { zh: '办公主机尚未启动过：请先运行 creditdesk host --listen 地址:端口，再生成注册码。', en: 'The office host has not served yet: start it with creditdesk host --listen ADDRESS:PORT, then make the code.' },
  csr_malformed: { zh: '窗口发送的证书请求无效，注册被拒绝。', en: "The window's certificate request is not valid; the enrollment was refused." },
  certificate_mismatch: { zh: '主机返回的证书与本窗口的密钥不符，本机未保存任何内容。', en: "The host's certificate is not for this window's key; nothing was stored." },
  too_many_attempts: { zh: `注册码错误次数过多，注册已暂停（最长 ${ENROLL_PAUSE_MINUTES} 分钟）。请稍后再试，并核对注册码。`, en: `Too many wrong enrollment codes: enrollment is paused (for up to ${ENROLL_PAUSE_MINUTES} minutes). Try again later and check the code.` },
  not_joined: { zh: '本机尚未加入办公主机：请用注册码加入（--join 注册码）。', en: 'This workstation has not joined an office host: join with a code (--join CODE).' },
};

export const WINDOW_FIELD_REASONS: Record<string, Sentence> = {
  window_number: { zh: `窗口号应为 1 至 ${WINDOW_NUMBER_MAX} 的整数。`, en: `A window number is a whole number from 1 to ${WINDOW_NUMBER_MAX}.` },
  window_name: { zh: `窗口名称应为 1 至 ${WINDOW_NAME_MAX} 个字符。`, en: `A window's name has 1 to ${WINDOW_NAME_MAX} characters.` },
  window_revoked: { zh: '该窗口已吊销，不能再更改；请用新注册码重新注册该工作站。', en: 'This window is revoked and cannot be changed; enroll the workstation again with a new code.' },
  window_number_taken: { zh: '该窗口号已有注册的工作站。如要换用新的工作站，请确认替换：新工作站加入时，原工作站即被吊销。', en: 'This window number is held by an enrolled workstation. To use a new workstation, confirm the replacement: the old one is revoked when the new one joins.' },
  window_unknown: { zh: '没有这个已注册的窗口（可能已被重新注册），请刷新列表后再操作。', en: 'There is no such enrolled window (it may have been enrolled again); refresh the list and try again.' },
  not_ip: { zh: '办公主机只在 IP 地址上监听，请填写 IP 地址（如 192.168.1.10:8443）。', en: 'The office host listens on an IP address; give one (such as 192.168.1.10:8443).' },
};

/** The sentence for an office-host refusal, or null when the error is not one. */
export function officeHostMessage(error: ApiErrorBody, locale: 'zh' | 'en'): string | null {
  const reason = typeof error.details?.reason === 'string' ? error.details.reason : '';
  if (error.code === 'ENROLLMENT_REFUSED') return (ENROLLMENT_REASONS[reason] ?? OFFICE_HOST_MESSAGES.ENROLLMENT_REFUSED)[locale];
  if (error.code in OFFICE_HOST_MESSAGES) return OFFICE_HOST_MESSAGES[error.code as keyof typeof OFFICE_HOST_MESSAGES][locale];
  if ((error.code === 'VALIDATION' || error.code === 'CONFLICT' || error.code === 'NOT_FOUND') && WINDOW_FIELD_REASONS[reason]) return WINDOW_FIELD_REASONS[reason][locale];
  return null;
}
