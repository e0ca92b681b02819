import { Button, Checkbox, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult, Purpose, ReaderCounterStatus } from '../../../../shared/contract';
import { ENTITY_REPORT_KINDS, type EntityReportKind } from '../../../../shared/domain/entityAccess';
import { idReasonMessage } from '../../../../shared/i18n/errorMessages';
import { REGISTRATION_DEPARTMENTS } from '../../../../shared/validators/creditCodeDepartments';
import { validateCreditCode } from '../../../../shared/validators/creditCode';
import { creditCodeFromScan, looksScanned } from '../../../../shared/validators/licenceScan';
import { checkIdNumberPartial } from '../../../../shared/validators/idNumberPartial';
import { call } from '../../api/client';
import { useLocale } from '../../i18n';
import { officeNow } from '../../state/officeClock';
import { ErrorAlert } from '../ErrorAlert';
import { apiFieldErrors } from '../form/apiFieldErrors';
import { usePresence } from './usePresence';
import { useHallNumbers } from './useHallNumbers';
import { AGENT_FIELDS, AGENT_FIELD_TARGET, AgentForm, EMPTY_AGENT, agentDraftProblems, type AgentDraftOf } from '../report/AgentForm';

type FoundBy = 'credit_code' | 'registration_no';
type EntityApplicantKind = 'legal_rep' | 'agent';

interface LegalRepDraft {
  idNumber: string;
  name: string;
  licenceSighted: boolean;
}

// The request column is 300 px wide once a subject is shown: two-word choices wrap, never clip.
const WRAP = { label: { whiteSpace: 'normal', lineHeight: 1.25 } } as const;

const EMPTY_LEGAL_REP: LegalRepDraft = { idNumber: '', name: '', licenceSighted: false };

/** The unified social credit code as typed: its parts said as soon as all 18 characters are there. */
function creditCodeCheck(raw: string, locale: 'zh' | 'en'): { error: string | null; hint: string | null } {
  const code = raw.replace(/[\s\u3000]+/g, '').toUpperCase();
  if (!code) return { error: null, hint: null };
  if (code.length < 18) {
    const bad = [...code].find((c) => !/[0-9A-HJ-NPQRTUWXY]/.test(c));
    return { error: bad ? idReasonMessage('CC_CHARS', locale) : null, hint: null };
  }
  const r = validateCreditCode(code, { mode: 'manual' });
  if (!r.ok) return { error: idReasonMessage(r.code, locale) ?? r.message, hint: null };
  const dept = REGISTRATION_DEPARTMENTS[r.value.registrationDept];
  const type = dept?.types[r.value.institutionType];
  return { error: null, hint: dept ? `${dept[locale]}${type ? ` · ${type[locale]}` : ''}` : null };
}

/**
 * The counter's request for a legal entity (issue 24): the entity by its unified social credit
 * code (or, registered before the code, by name and registration number with the clerk's
 * confirmation), who is asking for it (the legal representative in person, or an agent with the
 * entity's letter), the report asked for and the purpose. One press shows every problem at once.
 */
export function EntityRequest({ purposes, reader, onResult, onNewVisit, partClassName, answered }: {
  purposes: Purpose[];
  /** The card reader as the counter knows it: the legal representative's or the agent's card is read as a person's. */
  reader: ReaderCounterStatus | null;
  /** `applicant`: who asked, so the counter offers a statement to the legal representative in person only. */
  onResult: (result: LookupResult, reportKind: EntityReportKind, applicant: EntityApplicantKind) => void;
  onNewVisit: () => void;
  partClassName?: string | undefined;
  /** The visit the screen shows, if any: the same request is not sent twice. */
  answered: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [by, setBy] = useState<FoundBy>('credit_code');
  const [creditCode, setCreditCode] = useState('');
  const [registrationNo, setRegistrationNo] = useState('');
  // A licence QR scanned into the field that held no code: said until the field changes again.
  const [scanHadNoCode, setScanHadNoCode] = useState(false);
  const [clerkConfirmed, setClerkConfirmed] = useState(false);
  const [name, setName] = useState('');
  const [applicantKind, setApplicantKind] = useState<EntityApplicantKind>('legal_rep');
  const [legalRep, setLegalRep] = useState<LegalRepDraft>(EMPTY_LEGAL_REP);
  const [agent, setAgent] = useState<AgentDraftOf<EntityReportKind>>({ ...EMPTY_AGENT, scope: [] });
  const [reportKind, setReportKind] = useState<EntityReportKind>('full');
  const [purposeCode, setPurposeCode] = useState<string | null>(null);
  const [purposeText, setPurposeText] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const code = creditCodeCheck(creditCode, locale);
  const purpose = purposes.find((p) => p.code === purposeCode);
  const repCheck = legalRep.idNumber.trim() ? checkIdNumberPartial(legalRep.idNumber, officeNow()) : null;
  const repIdError = repCheck && !repCheck.ok ? idReasonMessage(repCheck.code, locale) : repCheck?.ok && !repCheck.complete ? idReasonMessage('ID_LENGTH', locale) : null;
  const need = (key: string) => t(`entity.required.${key}`);
  const missing: Record<string, string | null> = {
    creditCode: by === 'credit_code' ? (!creditCode.trim() ? need('creditCode') : code.error ?? (creditCode.replace(/\s/g, '').length < 18 ? idReasonMessage('CC_LENGTH', locale) : null)) : null,
    registrationNo: by === 'registration_no' && !registrationNo.trim() ? need('registrationNo') : null,
    clerkConfirmed: by === 'registration_no' && !clerkConfirmed ? need('clerkConfirmed') : null,
    name: !name.trim() ? need('name') : null,
    legalRepIdNumber: applicantKind === 'legal_rep' ? (!legalRep.idNumber.trim() ? need('legalRepIdNumber') : repIdError) : null,
    legalRepName: applicantKind === 'legal_rep' && !legalRep.name.trim() ? need('legalRepName') : null,
    licenceSighted: applicantKind === 'legal_rep' && !legalRep.licenceSighted ? need('licenceSighted') : null,
    purpose: !purposeCode ? t('counterUi.required.purpose') : null,
    purposeText: purpose?.requiresText && !purposeText.trim() ? t('counterUi.required.purposeText') : null,
  };
  const agentProblems = applicantKind === 'agent' ? agentDraftProblems(agent, t, locale) : {};
  const TARGET: Record<string, string> = {
    creditCode: '[data-testid="entity-code"]',
    registrationNo: '[data-testid="entity-regno"]',
    clerkConfirmed: '[data-testid="entity-confirmed"]',
    name: '[data-testid="entity-name"]',
    legalRepIdNumber: '[data-testid="legal-rep-id"]',
    legalRepName: '[data-testid="legal-rep-name"]',
    licenceSighted: '[data-testid="legal-rep-licence"]',
    purpose: '[data-testid="entity-purpose"]',
    purposeText: '[data-testid="entity-purpose-text"]',
  };
  const problems = [
    ...Object.entries(missing).filter(([, m]) => m).map(([k]) => TARGET[k]!),
    ...AGENT_FIELDS.filter((f) => agentProblems[f]).map((f) => AGENT_FIELD_TARGET[f]),
  ];
  const errorOf = apiFieldErrors(error, locale);
  // The person at the counter is the legal representative or the agent (issue 25 with 24).
  const presence = usePresence({
    reader,
    present: applicantKind === 'agent' ? { idNumber: agent.agentIdNumber, name: agent.agentName } : legalRep,
    onRead: (card) =>
      applicantKind === 'agent' ? setAgent((a) => ({ ...a, agentIdNumber: card.number, agentName: card.name })) : setLegalRep((r) => ({ ...r, idNumber: card.number, name: card.name })),
    tried,
    errorOf,
    testId: applicantKind === 'agent' ? 'entity-agent-identity' : 'legal-rep-identity',
  });
  // The hall's numbers (issue 23): Enter after the case number goes to the first field still to fill, or to 查询.
  const hall = useHallNumbers({
    readOnly: answered,
    errorOf,
    onDone: () => {
      const target = allProblems[0] ?? '[data-testid="entity-lookup"]';
      formRef.current?.querySelector<HTMLElement>(target)?.focus();
    },
  });
  const allProblems = [...problems, ...presence.problems, ...hall.problems];
  const shown = (key: string, path: string) => (tried ? missing[key] : null) ?? errorOf(path);

  async function lookUp(e?: SyntheticEvent) {
    e?.preventDefault();
    setTried(true);
    if (inFlight.current || answered) return;
    if (allProblems.length > 0) {
      const field = formRef.current?.querySelector<HTMLElement>(allProblems[0]!);
      field?.scrollIntoView({ block: 'center' });
      field?.focus({ preventScroll: true });
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const common = {
      name: name.trim(),
      applicant:
        applicantKind === 'legal_rep'
          ? { kind: 'legal_rep' as const, idNumber: legalRep.idNumber, name: legalRep.name.trim(), licenceSighted: legalRep.licenceSighted }
          : { kind: 'agent' as const, ...agent },
      reportKind,
      purposeCode: purposeCode!,
      identity: presence.input,
      ...(purposeText.trim() ? { purposeText: purposeText.trim() } : {}),
      ...hall.input,
    };
    try {
      const r = await call(
        'counter.lookup',
        by === 'credit_code' ? { subjectKind: 'entity', creditCode, ...common } : { subjectKind: 'entity_legacy', registrationNo, clerkConfirmed, ...common },
      );
      onResult(r, reportKind, applicantKind);
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  function reset() {
    setCreditCode('');
    setRegistrationNo('');
    setClerkConfirmed(false);
    setName('');
    setLegalRep(EMPTY_LEGAL_REP);
    setAgent({ ...EMPTY_AGENT, scope: [] });
    setPurposeCode(null);
    setPurposeText('');
    presence.reset();
    hall.reset();
    setTried(false);
    setError(null);
    onNewVisit();
  }

  return (
    <form ref={formRef} onSubmit={(e) => void lookUp(e)} noValidate data-testid="entity-request" style={{ display: 'contents' }}>
      <Stack gap="sm" className={partClassName} data-testid="request-entity">
        <SegmentedControl fullWidth size="xs" styles={WRAP} data={(['credit_code', 'registration_no'] as const).map((v) => ({ value: v, label: t(`entity.by.${v}`) }))} value={by} onChange={(v) => setBy(v as FoundBy)} data-testid="entity-by" />
        {by === 'credit_code' ? (
          <TextInput
            label={t('entity.creditCode')}
            withAsterisk
            value={creditCode}
            onChange={(e) => {
              // A scanner types the licence QR's whole text: the code inside it is taken.
              const text = e.currentTarget.value;
              const scanned = looksScanned(text) ? creditCodeFromScan(text) : undefined;
              setScanHadNoCode(scanned === null);
              setCreditCode(scanned === undefined ? text.toUpperCase() : (scanned ?? ''));
            }}
            error={(scanHadNoCode ? t('entity.scanNoCode') : null) ?? code.error ?? shown('creditCode', 'creditCode')}
            description={code.error ? undefined : code.hint ? t('entity.creditCodeOk', { department: code.hint }) : t('entity.creditCodeFormat')}
            inputWrapperOrder={['label', 'input', 'error', 'description']}
            maxLength={400}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            data-testid="entity-code"
            styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
          />
        ) : (
          <>
            <TextInput label={t('entity.registrationNo')} withAsterisk value={registrationNo} onChange={(e) => setRegistrationNo(e.currentTarget.value)} error={shown('registrationNo', 'registrationNo')} maxLength={30} autoComplete="off" data-testid="entity-regno" styles={{ input: { fontFamily: 'monospace' } }} />
            <Checkbox label={t('entity.clerkConfirmed')} checked={clerkConfirmed} onChange={(e) => setClerkConfirmed(e.currentTarget.checked)} error={shown('clerkConfirmed', 'clerkConfirmed')} data-testid="entity-confirmed" />
          </>
        )}
        <TextInput label={t('entity.name')} withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={shown('name', 'name')} maxLength={100} autoComplete="off" data-testid="entity-name" />
        <div>
          <Text size="sm" fw={500} mb={4}>{t('entity.reportKind')}</Text>
          <SegmentedControl fullWidth styles={WRAP} data={ENTITY_REPORT_KINDS.map((k) => ({ value: k, label: t(`entity.reportKinds.${k}`) }))} value={reportKind} onChange={(v) => setReportKind(v as EntityReportKind)} data-testid="entity-report-kind" />
        </div>
        <Select
          label={t('counter.purpose')}
          withAsterisk
          data={purposes.map((p) => ({ value: p.code, label: locale === 'zh' ? p.zh : p.en }))}
          value={purposeCode}
          onChange={setPurposeCode}
          error={shown('purpose', 'purposeCode')}
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage={t('counterUi.noPurpose')}
          data-testid="entity-purpose"
        />
        {purpose?.requiresText && (
          <TextInput label={t('counter.purposeText')} withAsterisk value={purposeText} onChange={(e) => setPurposeText(e.currentTarget.value)} error={shown('purposeText', 'purposeText')} maxLength={200} data-testid="entity-purpose-text" />
        )}
        {hall.block}
        <div>
          <Text size="sm" fw={500} mb={4}>{t('entity.applicant')}</Text>
          <SegmentedControl fullWidth styles={WRAP} data={(['legal_rep', 'agent'] as const).map((v) => ({ value: v, label: t(`entity.applicants.${v}`) }))} value={applicantKind} onChange={(v) => {
              // Another person is at the counter: the card read or the reason given was the other one's.
              presence.reset();
              setApplicantKind(v as EntityApplicantKind);
            }} data-testid="entity-applicant" />
        </div>
      </Stack>
      {applicantKind === 'legal_rep' ? (
        <Stack gap="sm" className={partClassName} data-testid="request-legal-rep">
          <Group justify="space-between" gap="xs">
            <Title order={5}>{t('entity.legalRep.title')}</Title>
            {presence.readButton}
          </Group>
          <TextInput label={t('entity.legalRep.idNumber')} withAsterisk value={legalRep.idNumber} onChange={(e) => setLegalRep({ ...legalRep, idNumber: e.currentTarget.value.toUpperCase() })} error={(legalRep.idNumber.trim().length >= 18 ? repIdError : null) ?? shown('legalRepIdNumber', 'applicant.idNumber')} maxLength={20} autoComplete="off" spellCheck={false} data-testid="legal-rep-id" styles={{ input: { fontFamily: 'monospace' } }} />
          <TextInput label={t('entity.legalRep.name')} withAsterisk value={legalRep.name} onChange={(e) => setLegalRep({ ...legalRep, name: e.currentTarget.value })} error={shown('legalRepName', 'applicant.name')} maxLength={40} autoComplete="off" data-testid="legal-rep-name" />
          <Checkbox label={t('entity.legalRep.licenceSighted')} checked={legalRep.licenceSighted} onChange={(e) => setLegalRep({ ...legalRep, licenceSighted: e.currentTarget.checked })} error={shown('licenceSighted', 'applicant.licenceSighted')} data-testid="legal-rep-licence" />
          {presence.block}
        </Stack>
      ) : (
        <AgentForm<EntityReportKind> value={agent} onChange={setAgent} problems={tried ? agentProblems : {}} errorOf={errorOf} partClassName={partClassName} scopeChoices={ENTITY_REPORT_KINDS} scopeLabel={(k) => t(`entity.reportKinds.${k}`)} readCard={presence.readButton} identity={presence.block} />
      )}
      <Stack gap="sm" style={{ gridColumn: '1 / -1' }}>
        <ErrorAlert error={error} />
        <Group justify="space-between" gap="xs">
          <Button variant="default" px="sm" leftSection={<IconUserPlus size={16} />} onClick={reset} data-testid="entity-reset">{t(answered ? 'counter.clear' : 'counterUi.reset')}</Button>
          <Button type="submit" ml="auto" px="sm" leftSection={<IconSearch size={16} />} loading={busy} disabled={busy || answered} data-testid="entity-lookup">{t('counter.lookup')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
