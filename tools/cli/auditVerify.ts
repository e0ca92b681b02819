import { verifyAuditChain } from '../../electron/services/auditService';
import type { CliCommand } from './command';
import { openCommandCore, parseCommandArgs } from './dataDirArg';

export const auditVerify: CliCommand = {
  words: ['audit', 'verify'],
  usage: 'audit verify --data-dir DIR',
  summary: 'recompute the audit hash chain and report the first broken link',
  async run(args) {
    const { dataDir, passphraseFile } = parseCommandArgs(args, {});
    const core = await openCommandCore(dataDir, passphraseFile);
    try {
      const r = await verifyAuditChain(core.ctx.db);
      if (r.ok) {
        console.log(`audit chain intact: ${r.checked} events checked`);
        return 0;
      }
      console.log(`AUDIT_CHAIN_BROKEN: the audit log was altered at event ${r.firstBroken!.seq} (${r.firstBroken!.reason}); ${r.checked} events before it are intact.`);
      return 1;
    } finally {
      await core.close();
    }
  },
};
