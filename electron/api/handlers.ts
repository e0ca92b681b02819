import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { AtWindow } from '../../shared/domain/officeWindow';
import * as accounts from '../services/access/accountsService';
import { verifyAuditChain } from '../services/audit/auditService';
import * as auditRead from '../services/audit/auditReadService';
import * as auth from '../services/access/authService';
import * as caseAccess from '../services/cases/caseAccess';
import * as caseQueue from '../services/cases/caseQueueService';
import * as calendarEntry from '../services/office/calendarEntryService';
import * as objections from '../services/cases/objectionService';
import * as profiles from '../services/office/profileService';
import * as repairs from '../services/cases/repairService';
import type { Caller, CoreContext } from '../services/context';
import * as counter from '../services/counter/counterService';
import { lookupEntity } from '../services/counter/entityLookupService';
import { purposesFor } from '../catalog/loadPurposes';
import * as dashboard from '../services/cases/dashboardService';
import * as queryLog from '../services/audit/queryLogService';
import * as attachments from '../services/attachments/attachmentService';
import * as reports from '../services/reports/reportService';
import * as entityReports from '../services/reports/entityReportService';
import * as statements from '../services/counter/statementService';
import * as sync from '../services/sync';
import { setupChecklist } from '../services/office/setupService';
import * as reader from '../services/counter/readerService';
import { windowHandlers } from './windowHandlers';
import { endVisit } from '../services/counter/visitEndService';
import * as evaluation from '../services/hall/evaluationService';

export interface HandlerCall<M extends MethodName> {
  ctx: CoreContext;
  input: ParsedInputOf<M>;
  /** Null only for 'public' methods. */
  caller: Caller | null;
  token: string | undefined;
  /** The enrolled window the call came through; null: this machine's own console. */
  window: AtWindow | null;
}

type Handler<M extends MethodName> = (call: HandlerCall<M>) => Promise<OutputOf<M>>;

/** Every contract method must have exactly one handler: a missing one is a compile error here. */
export type Handlers = { [M in MethodName]: Handler<M> };

const must = (caller: Caller | null): Caller => caller!;

export const handlers: Handlers = {
  'auth.status': ({ ctx, window }) => auth.officeStatus(ctx, window),
  'auth.setupAdmin': ({ ctx, input }) => auth.setupAdmin(ctx, input),
  'auth.login': ({ ctx, input, window }) => auth.login(ctx, input, window),
  'auth.unlock': ({ ctx, input, token, window }) => auth.unlock(ctx, token, input.password, window),
  'auth.lock': ({ ctx, caller }) => auth.lock(ctx, must(caller)),
  'auth.logout': ({ ctx, caller }) => auth.logout(ctx, must(caller)),
  'auth.changePassword': ({ ctx, caller, token, input }) => auth.changePassword(ctx, must(caller), token!, input),
  'auth.whoami': ({ ctx, caller, token }) => auth.whoami(ctx, must(caller), token!),
  'counter.purposes': async ({ ctx, input }) => purposesFor(ctx.catalogs.purposes, input.subjectKind),
  'counter.lookup': ({ ctx, caller, input }) =>
    input.subjectKind === 'entity' || input.subjectKind === 'entity_legacy' ? lookupEntity(ctx, must(caller), input) : counter.lookup(ctx, must(caller), input),
  'counter.visit': ({ ctx, caller, input }) => counter.resumeVisit(ctx, must(caller), input.visitId),
  'counter.records': ({ ctx, caller, input }) => counter.recordsPage(ctx, must(caller), input),
  'counter.lists': ({ ctx, caller, input }) => counter.listsPage(ctx, must(caller), input),
  'counter.reveal': ({ ctx, caller, input }) => counter.reveal(ctx, must(caller), input),
  'counter.endVisit': ({ ctx, caller, input }) => endVisit(ctx, must(caller), input.visitId),
  'hall.evaluation': ({ ctx }) => evaluation.evaluationSettings(ctx),
  'hall.configureEvaluation': ({ ctx, caller, input }) => evaluation.configureEvaluation(ctx, must(caller), input),
  'hall.testEvaluation': ({ ctx, caller, input }) => evaluation.testEvaluation(ctx, must(caller), input),
  'querylog.list': ({ ctx, input }) => queryLog.listQueries(ctx, input),
  'querylog.clerks': ({ ctx }) => queryLog.listClerks(ctx),
  'querylog.export': ({ ctx, caller, input }) => queryLog.exportQueries(ctx, must(caller), input),
  'audit.list': ({ ctx, input }) => auditRead.listAuditPage(ctx, input),
  'audit.actors': ({ ctx }) => auditRead.listAuditActors(ctx),
  'audit.export': ({ ctx, caller, input }) => auditRead.exportAudit(ctx, must(caller), input),
  'audit.verify': ({ ctx }) => verifyAuditChain(ctx),
  'audit.exportedHead': ({ ctx }) => auditRead.exportedHead(ctx),
  'accounts.list': ({ ctx }) => accounts.listAccounts(ctx),
  'accounts.create': ({ ctx, caller, input }) => accounts.createAccount(ctx, caller, input),
  'accounts.setDisabled': ({ ctx, caller, input }) => accounts.setDisabled(ctx, must(caller), input),
  'accounts.resetPassword': ({ ctx, caller, input }) => accounts.resetPassword(ctx, must(caller), input),
  'accounts.setRole': ({ ctx, caller, input }) => accounts.setRole(ctx, must(caller), input),
  'accounts.unlock': ({ ctx, caller, input }) => accounts.unlockAccount(ctx, must(caller), input),
  'accounts.requests': ({ ctx }) => accounts.listRequests(ctx),
  'accounts.approveRequest': ({ ctx, caller, input }) => accounts.approveRequest(ctx, must(caller), input),
  'accounts.cancelRequest': ({ ctx, caller, input }) => accounts.cancelRequest(ctx, must(caller), input),
  'accounts.setIdleLock': ({ ctx, caller, input }) => accounts.setIdleLockMinutes(ctx, must(caller), input),
  'attachment.upload': ({ ctx, caller, input }) => attachments.uploadAttachment(ctx, must(caller), input),
  'attachment.get': ({ ctx, caller, input }) => caseAccess.readAttachment(ctx, must(caller), input),
  'report.quota': ({ ctx, caller, input }) => reports.quota(ctx, must(caller), input),
  'report.issue': ({ ctx, caller, input }) => reports.issue(ctx, must(caller), input),
  'report.preview': ({ ctx, caller, input }) => reports.preview(ctx, must(caller), input),
  'report.printed': ({ ctx, caller, input }) => reports.printed(ctx, must(caller), input),
  'report.verify': ({ ctx, caller, input }) => reports.verify(ctx, must(caller), input),
  'report.specialOptions': ({ ctx, caller, input }) => entityReports.specialOptions(ctx, must(caller), input),
  'report.issueEntity': ({ ctx, caller, input }) => entityReports.issueEntity(ctx, must(caller), input),
  'report.issueSpecial': ({ ctx, caller, input }) => entityReports.issueSpecial(ctx, must(caller), input),
  'statement.create': ({ ctx, caller, input }) => statements.createStatement(ctx, must(caller), input),
  'statement.list': ({ ctx, caller, input }) => statements.listStatements(ctx, must(caller), input),
  'objection.intake': ({ ctx, caller, input }) => objections.intakeObjection(ctx, must(caller), input),
  'objection.act': ({ ctx, caller, input }) => objections.actOnObjection(ctx, must(caller), input),
  'objection.get': ({ ctx, caller, input }) => caseAccess.readObjection(ctx, must(caller), input.id),
  'repair.check': ({ ctx, caller, input }) => repairs.checkRepair(ctx, must(caller), input),
  'repair.intake': ({ ctx, caller, input }) => repairs.intakeRepair(ctx, must(caller), input),
  'repair.act': ({ ctx, caller, input }) => repairs.actOnRepair(ctx, must(caller), input),
  'repair.get': ({ ctx, caller, input }) => caseAccess.readRepair(ctx, must(caller), input.id),
  'cases.queue': ({ ctx, caller, input }) => caseQueue.listQueue(ctx, input, must(caller)),
  'cases.assign': ({ ctx, caller, input }) => caseQueue.assign(ctx, must(caller), input),
  'cases.workload': ({ ctx, input }) => caseQueue.workloadOf(ctx, input.kind),
  'cases.staff': ({ ctx }) => caseQueue.caseStaff(ctx),
  'cases.sweep': ({ ctx }) => caseQueue.sweepOverdue(ctx),
  'calendar.status': ({ ctx, caller }) => calendarEntry.calendarStatus(ctx, must(caller)),
  'calendar.propose': ({ ctx, caller, input }) => calendarEntry.proposeCalendarYear(ctx, must(caller), input),
  'calendar.confirm': ({ ctx, caller, input }) => calendarEntry.confirmCalendarYear(ctx, must(caller), input),
  'calendar.recounts': ({ ctx }) => calendarEntry.recountedCases(ctx),
  'cases.receipt': ({ ctx, caller, input }) => caseAccess.readReceipt(ctx, must(caller), input.id),
  'cases.receiptPrinted': ({ ctx, caller, input }) => caseAccess.printReceipt(ctx, must(caller), input),
  'cases.notice': ({ ctx, caller, input }) => caseAccess.readNotice(ctx, must(caller), input),
  'cases.profiles': ({ ctx }) => profiles.listProfiles(ctx),
  'cases.selectProfile': ({ ctx, caller, input }) => profiles.selectProfile(ctx, must(caller), input.profileId),
  'sync.status': ({ ctx }) => sync.syncStatus(ctx),
  'sync.trustPreview': async ({ input }) => sync.trustPreview(input.trust),
  'sync.provision': ({ ctx, caller, input }) => sync.provision(ctx, must(caller), input),
  'sync.enrollmentRequest': ({ ctx }) => sync.enrollmentRequest(ctx),
  'sync.importCheck': ({ ctx, caller, input }) => sync.stageAndCheck(ctx, must(caller), input.source),
  'sync.importApply': ({ ctx, caller, input }) => sync.applyStaged(ctx, must(caller), input.stagedId),
  'sync.importProgress': async ({ input }) => sync.importProgress(input.stagedId),
  'sync.importCancel': ({ input }) => sync.cancelImport(input.stagedId),
  'sync.importHistory': ({ ctx, input }) => sync.importHistory(ctx, input.limit),
  'sync.exportPending': ({ ctx }) => sync.exportPending(ctx),
  'sync.exportWrite': ({ ctx, caller }) => sync.exportWrite(ctx, must(caller)),
  'sync.exportAgain': ({ ctx, caller, input }) => sync.exportAgain(ctx, must(caller), input.sequence),
  'setup.checklist': ({ ctx }) => setupChecklist(ctx),
  'sync.exportHistory': ({ ctx, input }) => sync.exportHistory(ctx, input.limit),
  'dashboard.office': ({ ctx }) => dashboard.officeDashboard(ctx),
  'dashboard.mine': ({ ctx, caller }) => dashboard.myDashboard(ctx, must(caller)),
  'dashboard.export': ({ ctx, caller, input }) => dashboard.exportDashboard(ctx, must(caller), input),
  'reader.settings': ({ ctx }) => reader.readerSettings(ctx),
  'reader.counter': ({ ctx }) => reader.readerCounterStatus(ctx),
  'reader.configure': ({ ctx, caller, input }) => reader.configureReader(ctx, must(caller), input),
  'reader.test': ({ ctx, caller, input }) => reader.testReader(ctx, must(caller), input),
  'reader.read': ({ ctx, caller }) => reader.readCard(ctx, must(caller)),
  ...windowHandlers,
};
