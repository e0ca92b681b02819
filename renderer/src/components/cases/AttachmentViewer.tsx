import { Anchor, Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';

export interface AttachmentRef {
  hash: string;
  fileName: string;
}

/**
 * Evidence opened inside the console: the core hands over the bytes (audited as a view), the
 * renderer shows an image as <img> and a PDF in a frame of a blob: URL (Chromium's own viewer). Nothing is written to disk unless the manager chooses to save it.
 */
export function AttachmentViewer({ file, onClose }: { file: AttachmentRef | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<{ url: string; mimeType: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!file) return;
    let url: string | null = null;
    let live = true;
    setView(null);
    setError(null);
    call('attachment.get', { sha256: file.hash }).then(
      (a) => {
        if (!live) return;
        const bytes = Uint8Array.from(atob(a.dataBase64), (c) => c.charCodeAt(0));
        url = URL.createObjectURL(new Blob([bytes], { type: a.mimeType }));
        setView({ url, mimeType: a.mimeType });
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [file]);
  return (
    <Modal opened={file !== null} onClose={onClose} size="80%" title={file ? t('cases.attachmentTitle', { name: file.fileName }) : ''} data-testid="attachment-viewer">
      <ErrorAlert error={error} />
      {!view && !error && <Center h={200}><Loader /><Text size="sm" ml="sm">{t('cases.attachmentLoading')}</Text></Center>}
      {view && (
        <Stack gap="xs">
          {view.mimeType.startsWith('image/') ? (
            <img src={view.url} alt={file?.fileName ?? ''} data-testid="attachment-image" style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', alignSelf: 'center', border: '1px solid var(--mantine-color-gray-3)' }} />
          ) : (
            // Not sandboxed: Chromium refuses to run its PDF viewer in any sandboxed frame ("blocked by
            // Chromium"). The frame holds only a blob: the console made from bytes whose PDF signature
            // the core checked at upload; the CSP allows frames from self and blob: only, and the PDF
            // viewer runs isolated from the page, so the document cannot reach the console.
            <iframe src={view.url} title={file?.fileName ?? ''} data-testid="attachment-pdf" style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-3)' }} />
          )}
          <Group justify="flex-end">
            <Anchor href={view.url} download={file?.fileName} size="sm" data-testid="attachment-save"><Group gap={4}><IconDownload size={14} />{t('cases.saveAttachment')}</Group></Anchor>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** One button per attachment, with an icon for its kind. */
export function AttachmentButtons({ files, onOpen }: { files: AttachmentRef[]; onOpen: (f: AttachmentRef) => void }) {
  return (
    <Group gap="xs">
      {files.map((f) => (
        <Button key={f.hash} size="xs" variant="light" onClick={() => onOpen(f)} data-testid="attachment-open"
          leftSection={/\.pdf$/i.test(f.fileName) ? <IconFileTypePdf size={14} /> : <IconPhoto size={14} />}>{f.fileName}</Button>
      ))}
    </Group>
  );
}
