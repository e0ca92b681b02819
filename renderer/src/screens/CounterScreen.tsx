import { Alert, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconEye, IconPrinter, IconSearch, IconUserPlus, IconUserSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type SyntheticEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult, Purpose, ReadCard, ReaderCounterStatus } from '../../../shared/contract';
import { errorMessage, idReasonMessage } from '../../../shared/i18n/errorMessages';
import { checkIdNumberPartial } from '../../../shared/validators/idNumberPartial';
import { ApiError, call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { SubjectView, type MorePart } from '../components/SubjectView';
import { CaseIntake } from '../components/cases/CaseIntake';
import { COUNTER_SHORTCUTS, type CounterShortcut } from '../components/counter/shortcuts';
import { ShortcutHelp } from '../components/counter/ShortcutHelp';
import { usePresence } from '../components/counter/usePresence';
import { EntityRequest } from '../components/counter/EntityRequest';
import { useHallNumbers } from '../components/counter/useHallNumbers';
import { EntityReportPanel } from '../components/report/EntityReportPanel';
import type { EntityReportKind } from '../../../shared/domain/entityAccess';
import { AGENT_FIELDS, AGENT_FIELD_TARGET, AgentForm, EMPTY_AGENT, agentDraftProblems, type AgentDraft } from '../components/report/AgentForm';
import { apiFieldErrors } from '../components/form/apiFieldErrors';
import { ReportPanel } from '../components/report/ReportPanel';
import { StatementForm } from '../components/report/StatementForm';
import { useSession } from '../state/session';
import { forgetVisit, recallVisit, rememberVisit } from '../state/visitStorage';
import { officeNow } from '../state/officeClock';
import { useLocale } from '../i18n';
import classes from './CounterScreen.module.css';

interface Request {
  idNumber: string;
  name: string;
  purposeCode: string | null;
  purposeText: string;
  applicantKind: 'self' | 'agent';
  agent: AgentDraft | null;
}

/** What makes two lookups the same request: pressing 查询 again for it must not open a second visit. */
const keyOf = (r: Request) => JSON.stringify({ ...r, name: r.name.trim(), purposeText: r.purposeText.trim(), agent: r.applicantKind === 'agent' ? r.agent : null });

/** Clicks a button of a placed panel by its test id (the report panel owns its own actions). */
function press(testId: string): boolean {
  const button = document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]:not([disabled])`);
  button?.click();
  return Boolean(button);
}

/**
 * The counter on one screen: the request on the left, the subject in the middle, the actions
 * (report, objection, repair, statement) on the right. Keyboard first: the ID field has focus on
 * arrival, Enter moves forward and looks up once everything is filled in.
 */
export function CounterScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { can, session } = useSession();
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [purposeCode, setPurposeCode] = useState<string | null>(null);
  const [purposeText, setPurposeText] = useState('');
  const [subjectKind, setSubjectKind] = useState<'person' | 'entity'>('person');
  // The report an entity's visit asked for (an agent's letter must cover it).
  const [entityReport, setEntityReport] = useState<EntityReportKind>('full');
  const [applicantKind, setApplicantKind] = useState<'self' | 'agent'>('self');
  const [agent, setAgent] = useState<AgentDraft>(EMPTY_AGENT);
  const [reader, setReader] = useState<ReaderCounterStatus | null>(null);
  const [result, setResult] = useState<LookupResult | null>(null);
  // The request the shown result answers: 查询 stays disabled until the request changes.
  const [answered, setAnswered] = useState<string | null>(null);
  const [servedAs, setServedAs] = useState<'self' | 'agent'>('self');
  const [annotated, setAnnotated] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<unknown>(null);
  // A visit the clerk ended whose end the core did not record (the host unreachable, say): said above the next request.
  const [endFailed, setEndFailed] = useState<{ visitId: number; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [purposeOpen, setPurposeOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [tried, setTried] = useState(false);
  // The field to take the eye to after a press that found problems (a new object each press, so a second press scrolls again).
  const [focusTarget, setFocusTarget] = useState<{ selector: string } | null>(null);
  // A second Enter can arrive before React re-renders the disabled button: the ref sees it at once.
  const inFlight = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const purposeRef = useRef<HTMLInputElement>(null);
  const accountId = session.account.id;

  useEffect(() => {
    call('counter.purposes', { subjectKind: 'all' }).then(setPurposes, setError);
    // Without it the counter still works typed; the reader's own states are said when it is used.
    call('reader.counter', {}).then(setReader, () => setReader(null));
  }, []);

  // After the render that shows the messages: the first field at fault, centred, with the focus.
  useEffect(() => {
    if (!focusTarget) return;
    const field = formRef.current?.querySelector<HTMLElement>(focusTarget.selector);
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  }, [focusTarget]);

  // Back from a lock or a reload: the visit is read again (not looked up again: no new query-log row).
  useEffect(() => {
    const visitId = recallVisit(accountId);
    if (visitId === null) return;
    call('counter.visit', { visitId }).then(
      (v) => {
        const restored: Request = { idNumber: v.request.idNumber, name: v.request.name, purposeCode: v.request.purposeCode, purposeText: v.request.purposeText ?? '', applicantKind: v.request.applicantKind, agent: v.request.applicantKind === 'agent' ? EMPTY_AGENT : null };
        setIdNumber(restored.idNumber);
        setName(restored.name);
        setPurposeCode(restored.purposeCode);
        setPurposeText(restored.purposeText);
        setApplicantKind(restored.applicantKind);
        hall.restore(v.request);
        setServedAs(restored.applicantKind);
        setAnswered(keyOf(restored));
        setResult(v);
      },
      () => forgetVisit(),
    );
  }, [accountId]);

  const request: Request = { idNumber, name, purposeCode, purposeText, applicantKind, agent: applicantKind === 'agent' ? agent : null };
  const requestKey = keyOf(request);
  const idCheck = idNumber.trim() ? checkIdNumberPartial(idNumber, officeNow()) : null;
  const idError = idCheck && !idCheck.ok ? idReasonMessage(idCheck.code, locale) : null;
  const idComplete = Boolean(idCheck?.ok && idCheck.complete);
  const idHint =
    idCheck?.ok && idCheck.complete
      ? idCheck.value.gender === null
        ? t('card.foreignIdOk', { birth: idCheck.value.birthDate })
        : t('counter.idOk', { birth: idCheck.value.birthDate, gender: t(idCheck.value.gender === 'M' ? 'counter.male' : 'counter.female') })
      : undefined;
  const purpose = purposes.find((p) => p.code === purposeCode);
  const missing = {
    idNumber: !idNumber.trim() ? t('counterUi.required.idNumber') : !idComplete && !idError ? idReasonMessage('ID_LENGTH', locale) : null,
    name: !name.trim() ? t('counterUi.required.name') : null,
    purpose: !purposeCode ? t('counterUi.required.purpose') : null,
    purposeText: purpose?.requiresText && !purposeText.trim() ? t('counterUi.required.purposeText') : null,
  };
  const errorOf = apiFieldErrors(error, locale);
  // Enter after the hall's case number (a scan ends with it) goes to the first field still to fill, or to 查询 — it never looks up by itself.
  const hall = useHallNumbers({
    readOnly: result !== null,
    errorOf,
    onDone: () => (problemFields.length > 0 ? setFocusTarget({ selector: problemFields[0]! }) : formRef.current?.querySelector<HTMLElement>('[data-testid="lookup"]')?.focus()),
  });
  // How the identity of the person at the counter (the subject in person, or the agent) was taken (issue 25).
  const identityTestId = applicantKind === 'agent' ? 'agent-identity' : 'subject-identity';
  const presence = usePresence({
    reader,
    present: applicantKind === 'agent' ? { idNumber: agent.agentIdNumber, name: agent.agentName } : { idNumber, name },
    onRead: cardRead,
    tried,
    errorOf,
    testId: identityTestId,
  });
  const agentProblems = applicantKind === 'agent' ? agentDraftProblems(agent, t, locale) : {};
  // Every field with a problem, in the order the form shows them (the hall's numbers come last).
  const problemFields: string[] = [
    ...(missing.idNumber || idError ? ['[data-testid="id-number"]'] : []),
    ...(missing.name ? ['[data-testid="subject-name"]'] : []),
    ...(missing.purpose ? ['[data-testid="purpose"]'] : []),
    ...(missing.purposeText ? ['[data-testid="purpose-text"]'] : []),
    ...AGENT_FIELDS.filter((f) => agentProblems[f]).map((f) => AGENT_FIELD_TARGET[f]),
    ...presence.problems,
    ...hall.problems,
  ];
  const ready = problemFields.length === 0;
  // The agent's query while it is being filled in takes the whole width: subject, agent and letter
  // side by side (stacked on a narrower screen). Once answered, the subject takes the middle again.
  const wide = (applicantKind === 'agent' || subjectKind === 'entity') && !result;
  const idFieldError = idError ?? (tried ? missing.idNumber : null) ?? errorOf('idNumber');
  const alreadyAnswered = result !== null && answered === requestKey;

  const clearResult = useCallback(() => {
    setResult(null);
    setAnswered(null);
    setAnnotated(new Set());
    forgetVisit();
  }, []);

  async function lookUp() {
    setTried(true);
    if (inFlight.current || alreadyAnswered) return;
    if (!ready) {
      // Every problem is shown by this one press (tried), and the first is brought into view.
      setFocusTarget({ selector: problemFields[0]! });
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const r = await call('counter.lookup', {
        idNumber,
        name: name.trim(),
        applicant: applicantKind === 'agent' ? { kind: 'agent', ...agent } : { kind: 'self' },
        purposeCode: purposeCode!,
        ...(purposeText.trim() ? { purposeText: purposeText.trim() } : {}),
        identity: presence.input,
        ...hall.input,
      });
      setServedAs(applicantKind);
      setAnnotated(new Set());
      setResult(r);
      setAnswered(requestKey);
      rememberVisit(accountId, r.visitId);
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  function submit(e: SyntheticEvent) {
    e.preventDefault();
    void lookUp();
  }

  /**
   * 结束接待 / a new visit: the screen is cleared at once and the visit on it, if any, is recorded
   * as ended (which tells the hall's evaluation device, when the office has one, without the clerk
   * waiting for it). An end the core did not record is said above the next request.
   */
  function newVisit() {
    const open = result;
    if (open) {
      setEndFailed(null);
      call('counter.endVisit', { visitId: open.visitId }).catch((err: unknown) => setEndFailed({ visitId: open.visitId, error: err }));
    }
    clearResult();
    setIdNumber('');
    setName('');
    setPurposeCode(null);
    setPurposeText('');
    setApplicantKind('self');
    setAgent(EMPTY_AGENT);
    presence.reset();
    hall.reset();
    setError(null);
    setTried(false);
    setFocusTarget(null);
    idRef.current?.focus();
  }

  /** The card fills the present person's number and name; a different person clears the last answer. */
  function cardRead(read: ReadCard) {
    if (applicantKind === 'agent') {
      setAgent((a) => ({ ...a, agentIdNumber: read.number, agentName: read.name }));
      return;
    }
    if (result && read.number !== idNumber) clearResult();
    setIdNumber(read.number);
    setName(read.name);
  }

  function onApplicantKind(kind: 'self' | 'agent') {
    // Another person is at the counter now: the card read or the reason given was the other one's.
    if (kind !== applicantKind) presence.reset();
    setApplicantKind(kind);
  }

  function entityAnswered(r: LookupResult, kind: EntityReportKind, applicant: 'legal_rep' | 'agent') {
    setEntityReport(kind);
    // A statement is the organisation's own words: its legal representative in person makes it, not its agent.
    setServedAs(applicant === 'agent' ? 'agent' : 'self');
    setAnnotated(new Set());
    setResult(r);
    rememberVisit(accountId, r.visitId);
  }

  function onIdChange(value: string) {
    // A different number is a different person: the previous one leaves the screen at once.
    if (result) clearResult();
    setIdNumber(value.toUpperCase());
  }

  // Enter moves to the next empty field, and looks up once nothing is missing.
  const enterMovesTo = (next: { current: HTMLInputElement | null }) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (ready) void lookUp();
    else next.current?.focus();
  };

  const actions: Record<CounterShortcut, () => void> = {
    newVisit,
    search: () => void lookUp(),
    preview: () => void (press('report-preview') || press('report-issue')),
    print: () => void (press('pdf-print') || press('report-preview')),
    help: () => setHelpOpen((o) => !o),
    readCard: () => void press(`${identityTestId}-read`),
  };
  useHotkeys(COUNTER_SHORTCUTS.map((s) => [s.keys, actions[s.id], { usePhysicalKeys: true }]), []);

  // The next page of a section or of the list entries, added to the visit's view (the forms on the
  // right choose among the records loaded). A page that arrives after the visit changed is dropped.
  async function more(part: MorePart) {
    const shown = result;
    if (!shown?.view) return;
    const visitId = shown.visitId;
    if (part === 'lists') {
      const page = await call('counter.lists', { visitId, after: shown.view.listsNext });
      setResult((r) => (r?.visitId === visitId && r.view ? { ...r, view: { ...r.view, lists: [...r.view.lists, ...page.lists], listsNext: page.next } } : r));
      return;
    }
    const page = await call('counter.records', { visitId, section: part, after: shown.view.sections[part]?.next ?? null });
    setResult((r) => {
      const section = r?.view?.sections[part];
      if (r?.visitId !== visitId || !r.view || !section) return r;
      return { ...r, view: { ...r.view, records: [...r.view.records, ...page.records], sections: { ...r.view.sections, [part]: { ...section, next: page.next } } } };
    });
  }

  const records = result?.view ? (annotated.size === 0 ? result.view.records : result.view.records.map((r) => (annotated.has(r.id) ? { ...r, status: 'under_objection' as const } : r))) : [];
  const view = result?.view ? { ...result.view, records } : null;

  return (
    <div className={classes.layout} data-wide={wide || undefined} data-testid="counter">
      <div className={classes.request}>
        <Card withBorder>
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Title order={4}>{t('counter.newVisit')}</Title>
              <Group gap={4} wrap="nowrap">
                {result && <Badge variant="light" data-testid="visit-no">{t('counter.visit', { id: result.visitId })}</Badge>}
                <ShortcutHelp opened={helpOpen} onChange={setHelpOpen} />
              </Group>
            </Group>
            {endFailed && (
              <Alert color="orange" variant="light" withCloseButton onClose={() => setEndFailed(null)} data-testid="end-visit-failed">
                {t('hall.endFailed', { id: endFailed.visitId, reason: endFailed.error instanceof ApiError ? errorMessage(endFailed.error.body, locale) : String(endFailed.error) })}
              </Alert>
            )}
            {/* A person, or a legal entity (issue 24): a different subject clears the last answer. */}
            <SegmentedControl
              fullWidth
              size="xs"
              data={(['person', 'entity'] as const).map((k) => ({ value: k, label: t(`subjectKind.${k}`) }))}
              value={subjectKind}
              onChange={(v) => {
                newVisit();
                setSubjectKind(v === 'entity' ? 'entity' : 'person');
              }}
              data-testid="subject-kind"
            />
            {subjectKind === 'entity' ? (
              <div className={classes.parts}>
                <EntityRequest purposes={purposes.filter((p) => p.subjectKind === 'entity')} reader={reader} onResult={entityAnswered} onNewVisit={newVisit} partClassName={classes.part} answered={result !== null} />
              </div>
            ) : (
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack gap="sm">
              <div className={classes.parts}>
                <Stack gap="sm" className={`${classes.part} ${classes.subjectPart}`} data-testid="request-subject">
                  {wide && <Title order={5}>{t('counterUi.subjectPart')}</Title>}
                  {applicantKind === 'self' && presence.readButton ? <Group justify="flex-end">{presence.readButton}</Group> : null}
                  <TextInput
                    ref={idRef}
                    label={t('counter.idNumber')}
                    withAsterisk
                    value={idNumber}
                    onChange={(e) => onIdChange(e.currentTarget.value)}
                    onKeyDown={enterMovesTo(nameRef)}
                    error={idFieldError}
                    // One line under the field, always there: the error, else the birth date and gender, else the format.
                    description={idFieldError ? undefined : (idHint ?? t('counterUi.idFormat'))}
                    inputWrapperOrder={['label', 'input', 'error', 'description']}
                    classNames={{ description: classes.hintLine, error: classes.hintLine }}
                    maxLength={20}
                    autoFocus
                    autoComplete="off"
                    spellCheck={false}
                    data-testid="id-number"
                    styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
                  />
                  <TextInput
                    ref={nameRef}
                    label={t('counter.name')}
                    withAsterisk
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    onKeyDown={enterMovesTo(purposeRef)}
                    error={(tried ? missing.name : null) ?? errorOf('name')}
                    maxLength={40}
                    autoComplete="off"
                    data-testid="subject-name"
                  />
                  <div>
                    <Text size="sm" fw={500} mb={4}>{t('counter.applicant')}</Text>
                    <SegmentedControl
                      fullWidth
                      data={[{ value: 'self', label: t('counter.self') }, { value: 'agent', label: t('agent.applicant') }]}
                      value={applicantKind}
                      onChange={(v) => onApplicantKind(v === 'agent' ? 'agent' : 'self')}
                      data-testid="applicant-kind"
                    />
                  </div>
                  <Select
                    ref={purposeRef}
                    label={t('counter.purpose')}
                    withAsterisk
                    data={purposes.filter((p) => (p.subjectKind ?? 'person') === 'person').map((p) => ({ value: p.code, label: locale === 'zh' ? p.zh : p.en }))}
                    value={purposeCode}
                    onChange={setPurposeCode}
                    dropdownOpened={purposeOpen}
                    onDropdownOpen={() => setPurposeOpen(true)}
                    onDropdownClose={() => setPurposeOpen(false)}
                    // Typing narrows the list and marks its first option, so Enter takes it (one left after "就业").
                    selectFirstOptionOnChange
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter') return;
                      // With the list open, Enter is the list's (it takes the marked option): it never
                      // submits the form, whose messages would open under the list.
                      if (purposeOpen) e.preventDefault();
                      // With the list closed and a purpose chosen, Enter looks up instead of reopening the list.
                      else if (purposeCode) {
                        e.preventDefault();
                        void lookUp();
                      }
                    }}
                    error={(tried ? missing.purpose : null) ?? errorOf('purposeCode')}
                    searchable
                    nothingFoundMessage={t('counterUi.noPurpose')}
                    data-testid="purpose"
                  />
                  {purpose?.requiresText && (
                    <TextInput label={t('counter.purposeText')} withAsterisk value={purposeText} onChange={(e) => setPurposeText(e.currentTarget.value)} error={(tried ? missing.purposeText : null) ?? errorOf('purposeText')} maxLength={200} data-testid="purpose-text" />
                  )}
                  {hall.block}
                  {applicantKind === 'self' && presence.block}
                </Stack>
                {applicantKind === 'agent' && <AgentForm value={agent} onChange={setAgent} problems={tried ? agentProblems : {}} errorOf={errorOf} partClassName={classes.part} readCard={presence.readButton} identity={presence.block} />}
              </div>
              <ErrorAlert error={error} />
              {/* The two buttons wrap rather than clip their words in the narrow column (English is longer). */}
              <Group justify="space-between" gap="xs">
                <Button variant="default" px="sm" leftSection={<IconUserPlus size={16} />} onClick={newVisit} data-testid="end-visit">{result ? t('counter.clear') : t('counterUi.reset')}</Button>
                <Button type="submit" ml="auto" px="sm" leftSection={<IconSearch size={16} />} loading={busy} disabled={busy || alreadyAnswered || Boolean(idError)} data-testid="lookup">{t('counter.lookup')}</Button>
              </Group>
            </Stack>
          </form>
            )}
          </Stack>
        </Card>
      </div>

      <div className={classes.subject}>
        {!result && !wide && (
          <Card withBorder className={classes.empty} data-testid="counter-empty">
            <Stack align="center" gap="xs">
              <IconUserSearch size={48} stroke={1.2} color="var(--mantine-color-gray-5)" />
              <Text c="dimmed">{t('counterUi.emptyHint')}</Text>
            </Stack>
          </Card>
        )}
        {result?.platformUpdating && (
          <Text size="xs" c="dimmed" data-testid="platform-updating">{t('counter.platformUpdating')}</Text>
        )}
        {result && !result.found && (
          <Card withBorder data-testid="no-record">
            <Text fw={600}>{t('counter.noRecord')}</Text>
            <Text size="sm" c="dimmed">{t('counter.noRecordHint')}</Text>
          </Card>
        )}
        {result && view && <SubjectView key={result.visitId} visitId={result.visitId} view={view} onMore={more} />}
      </div>

      <div className={classes.actions} data-testid="counter-actions">
        {!result && !wide && (
          <Card withBorder>
            <Title order={5} mb="xs">{t('counterUi.actions')}</Title>
            <Stack gap={6}>
              <Text size="sm" c="dimmed">{t('counterUi.actionsHint')}</Text>
              <Group gap={6}>
                <Badge variant="default" leftSection={<IconEye size={12} />}>Alt + V {t('counterUi.shortcut.preview')}</Badge>
                <Badge variant="default" leftSection={<IconPrinter size={12} />}>Alt + P {t('counterUi.shortcut.print')}</Badge>
              </Group>
            </Stack>
          </Card>
        )}
        {result && can('report.print') && (result.view?.entity || (subjectKind === 'entity' && !result.found) ? <EntityReportPanel key={`report-${result.visitId}`} visitId={result.visitId} kind={entityReport} /> : <ReportPanel key={`report-${result.visitId}`} visitId={result.visitId} />)}
        {result && view && can('case.intake') && <CaseIntake key={`cases-${result.visitId}`} visitId={result.visitId} view={view} onAnnotated={(ids) => setAnnotated((a) => new Set([...a, ...ids]))} />}
        {result && view && servedAs === 'self' && can('statement.create') && <StatementForm key={`statement-${result.visitId}`} visitId={result.visitId} records={view.records} subjectKind={view.identity.kind} />}
      </div>
    </div>
  );
}
