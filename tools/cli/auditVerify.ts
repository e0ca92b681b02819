import { acknowledgeAuditBreak, verifyAuditChain } from '../../electron/services/audit/auditService';
import { CliUsageError, type CliCommand } from './command';
import { openCommandCore, parseCommandArgs } from './dataDirArg';

export const auditVerify: CliCommand = {
  words: ['audit', 'verify'],
  usage: 'audit verify --data-dir DIR',
  summary: 'recompute the audit hash chain and report every broken link',
  onConsole: { en: 'Audit log, Verify hash chain', zh: '“审计日志”页面的“校验哈希链”' },
  async run(args) {
    const { dataDir, passphraseFile } = parseCommandArgs(args, {});
    const core = await openCommandCore(dataDir, passphraseFile);
    try {
      const r = await verifyAuditChain(core.ctx);
      const cp = r.checkpoint ? `; newest signed checkpoint: ${r.checkpoint.headSeq} events at ${r.checkpoint.at}` : '';
      const acknowledged = r.acknowledged ?? [];
      const ackLines = () => acknowledged.forEach((a) => console.log(`  acknowledged (event ${a.acknowledgedBy}): ${a.reason}`));
      if (r.ok) {
        console.log(`audit chain intact: ${r.checked} events checked${cp}${acknowledged.length ? `; ${acknowledged.length} earlier finding(s) acknowledged by an administrator` : ''}`);
        ackLines();
        return 0;
      }
      const first = r.firstBroken!;
      console.log(`AUDIT_CHAIN_BROKEN: the audit log was altered${first.seq ? ` at event ${first.seq}` : ''} (${first.reason}); ${r.checked} events are intact${cp}.`);
      for (const p of (r.problems ?? []).slice(1)) console.log(`  also${p.seq ? ` at event ${p.seq}` : ''}: ${p.reason}`);
      ackLines();
      console.log('Until an administrator acknowledges it (`creditdesk audit acknowledge --reason TEXT`), every check reports this again.');
      return 1;
    } finally {
      await core.close();
    }
  },
};

export const auditAcknowledge: CliCommand = {
  words: ['audit', 'acknowledge'],
  usage: 'audit acknowledge --data-dir DIR --reason TEXT',
  summary: 'record that an administrator looked into a reported break (audited), and sign the current head',
  async run(args) {
    const { dataDir, passphraseFile, values } = parseCommandArgs(args, { reason: { type: 'string' } });
    const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
    if (reason.length < 4 || reason.length > 500) throw new CliUsageError('--reason TEXT is required: 4 to 500 characters saying what was found and why the break is accepted.');
    const core = await openCommandCore(dataDir, passphraseFile);
    try {
      const r = await acknowledgeAuditBreak(core.ctx, null, reason);
      if (!r) {
        console.log('audit chain intact: there is no break to acknowledge; nothing was written.');
        return 0;
      }
      console.log(`acknowledged ${r.problems.length} problem(s); the acknowledgement is event ${r.checkpoint.head_seq} of the chain, and checks now measure from it:`);
      for (const p of r.problems) console.log(`  ${p}`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
