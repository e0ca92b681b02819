import { Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type SyntheticEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult, Purpose } from '../../../shared/contract';
import { idReasonMessage } from '../../../shared/i18n/errorMessages';
import { checkIdNumberPartial } from '../../../shared/validators/idNumberPartial';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { SubjectView } from '../components/SubjectView';
import { AgentForm, EMPTY_AGENT, type AgentDraft } from '../components/report/AgentForm';
import { ReportPanel } from '../components/report/ReportPanel';
import { StatementForm } from '../components/report/StatementForm';
import { useSession } from '../state/session';
import { useLocale } from '../i18n';

/** The counter: keyboard first — the ID field has focus on arrival and Enter moves forward. */
export function CounterScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [purposeCode, setPurposeCode] = useState<string | null>(null);
  const [purposeText, setPurposeText] = useState('');
  const [applicantKind, setApplicantKind] = useState<'self' | 'agent'>('self');
  const [agent, setAgent] = useState<AgentDraft>(EMPTY_AGENT);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [servedAs, setServedAs] = useState<'self' | 'agent'>('self');
  const { can } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const idRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const purposeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('counter.purposes', {}).then(setPurposes, setError);
  }, []);

  const idCheck = idNumber.trim() ? checkIdNumberPartial(idNumber, new Date()) : null;
  const idError = idCheck && !idCheck.ok ? idReasonMessage(idCheck.code, locale) : null;
  const idHint =
    idCheck?.ok && idCheck.complete
      ? t('counter.idOk', { birth: idCheck.value.birthDate, gender: t(idCheck.value.gender === 'M' ? 'counter.male' : 'counter.female') })
      : undefined;
  const purpose = purposes.find((p) => p.code === purposeCode);

  const enterMovesTo = (next: { current: HTMLInputElement | null }) => (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      next.current?.focus();
    }
  };

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!purposeCode) return purposeRef.current?.focus();
    setBusy(true);
    setError(null);
    try {
      setServedAs(applicantKind);
      setResult(
        await call('counter.lookup', {
          idNumber,
          name: name.trim(),
          applicant: applicantKind === 'agent' ? { kind: 'agent', ...agent } : { kind: 'self' },
          purposeCode,
          ...(purposeText.trim() ? { purposeText: purposeText.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function endVisit() {
    setResult(null);
    setIdNumber('');
    setName('');
    setPurposeCode(null);
    setPurposeText('');
    setApplicantKind('self');
    setAgent(EMPTY_AGENT);
    setError(null);
    idRef.current?.focus();
  }

  return (
    <Stack>
      <Card withBorder>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={4}>{t('counter.newVisit')}</Title>
              {result && <Button variant="default" size="xs" onClick={endVisit} data-testid="end-visit">{t('counter.clear')}</Button>}
            </Group>
            <Group align="flex-start" grow>
              <TextInput
                ref={idRef}
                label={t('counter.idNumber')}
                value={idNumber}
                onChange={(e) => setIdNumber(e.currentTarget.value.toUpperCase())}
                onKeyDown={enterMovesTo(nameRef)}
                error={idError}
                description={idHint}
                maxLength={20}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                data-testid="id-number"
                styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
              />
              <TextInput ref={nameRef} label={t('counter.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} onKeyDown={enterMovesTo(purposeRef)} maxLength={40} autoComplete="off" data-testid="subject-name" />
            </Group>
            <Group align="flex-end" grow>
              <div>
                <Text size="sm" fw={500} mb={4}>{t('counter.applicant')}</Text>
                <SegmentedControl
                  data={[{ value: 'self', label: t('counter.self') }, { value: 'agent', label: t('agent.applicant') }]}
                  value={applicantKind}
                  onChange={(v) => setApplicantKind(v === 'agent' ? 'agent' : 'self')}
                  data-testid="applicant-kind"
                />
              </div>
              <Select
                ref={purposeRef}
                label={t('counter.purpose')}
                data={purposes.map((p) => ({ value: p.code, label: locale === 'zh' ? p.zh : p.en }))}
                value={purposeCode}
                onChange={setPurposeCode}
                searchable
                required
                data-testid="purpose"
              />
            </Group>
            {applicantKind === 'agent' && <AgentForm value={agent} onChange={setAgent} />}
            {purpose?.requiresText && <TextInput label={t('counter.purposeText')} value={purposeText} onChange={(e) => setPurposeText(e.currentTarget.value)} maxLength={200} required data-testid="purpose-text" />}
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={Boolean(idError) || !name.trim() || !purposeCode} data-testid="lookup">{t('counter.lookup')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {result && !result.found && (
        <Card withBorder data-testid="no-record">
          <Text fw={600}>{t('counter.noRecord')}</Text>
          <Text size="sm" c="dimmed">{t('counter.noRecordHint')}</Text>
        </Card>
      )}
      {result?.view && <SubjectView visitId={result.visitId} view={result.view} />}
      {result && can('report.print') && <ReportPanel key={`report-${result.visitId}`} visitId={result.visitId} />}
      {result?.view && servedAs === 'self' && can('statement.create') && <StatementForm key={`statement-${result.visitId}`} visitId={result.visitId} records={result.view.records} />}
    </Stack>
  );
}
