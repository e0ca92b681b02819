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
      const r = await verifyAuditChain(core.ctx);
      const cp = r.checkpoint ? `; newest signed checkpoint: ${r.checkpoint.headSeq} events at ${r.checkpoint.at}` : '';
      if (r.ok) {
        console.log(`audit chain intact: ${r.checked} events checked${cp}`);
        return 0;
      }
      const first = r.firstBroken!;
      console.log(`AUDIT_CHAIN_BROKEN: the audit log was altered${first.seq ? ` at event ${first.seq}` : ''} (${first.reason}); ${r.checked} events before the first broken link are intact${cp}.`);
      for (const p of (r.problems ?? []).slice(1)) console.log(`  also: ${p.reason}`);
      return 1;
    } finally {
      await core.close();
    }
  },
};
