import { Badge, CloseButton, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../../shared/contract/limits';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { MAX_ATTACHMENTS } from './intakeChecks';

export interface UploadedFile {
  sha256: string;
  fileName: string;
}

type Mime = (typeof ATTACHMENT_TYPES)[number];

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Scans for an objection, uploaded (stored by hash) as each is chosen. Size and type are checked
 * here first so the clerk reads which file is wrong and why, instead of a generic refusal.
 */
export function AttachmentPicker({ value, onChange }: { value: UploadedFile[]; onChange: (next: UploadedFile[]) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const maxKb = Math.floor(ATTACHMENT_MAX_BYTES / 1024);

  async function add(file: File | null) {
    setProblem(null);
    setError(null);
    if (!file) return;
    if (value.length >= MAX_ATTACHMENTS) return setProblem(t('cases.errors.tooManyFiles', { max: MAX_ATTACHMENTS }));
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return setProblem(t('cases.errors.fileType', { name: file.name }));
    if (file.size > ATTACHMENT_MAX_BYTES) return setProblem(t('cases.errors.fileTooLarge', { name: file.name, kb: Math.ceil(file.size / 1024), max: maxKb }));
    setBusy(true);
    try {
      const r = await call('attachment.upload', { fileName: file.name.slice(0, 120), mimeType: file.type as Mime, dataBase64: await base64Of(file) });
      if (!value.some((f) => f.sha256 === r.sha256)) onChange([...value, { sha256: r.sha256, fileName: file.name.slice(0, 120) }]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={4}>
      <FileInput
        label={t('cases.attachment')}
        description={t('cases.attachmentHint', { max: maxKb, n: MAX_ATTACHMENTS })}
        placeholder={busy ? t('cases.uploading') : t('cases.chooseFile')}
        accept={ATTACHMENT_TYPES.join(',')}
        value={null}
        onChange={(f) => void add(f)}
        error={problem}
        disabled={busy}
        data-testid="objection-attachment"
      />
      <ErrorAlert error={error} />
      {value.length > 0 && (
        <Group gap="xs" data-testid="objection-attachments">
          {value.map((f) => (
            <Badge key={f.sha256} variant="light" tt="none" rightSection={<CloseButton size="xs" aria-label={t('cases.removeFile')} onClick={() => onChange(value.filter((x) => x.sha256 !== f.sha256))} />}>
              <Text span size="xs">{f.fileName}</Text>
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
