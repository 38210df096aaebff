/** The program file in the browser: download a period's file, upload a changed one (or a new period's) → its changes → apply. */
import { useState } from 'react';
import { MSG, type ProgramUploadPreview } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome, ApiProblem } from '../api/client.ts';
import * as program from '../api/programClient.ts';
import { saveFile } from '../taskpane/saveFile.ts';
import type { Notice } from './useUsers.ts';

const t = MSG.program.admin;

/** The outcome of the last upload: its refusal with every problem (sheet, cell, reason), or a plain error. */
export type UploadRefusal = { message: string; problems: ApiProblem[] };

export function useProgramFile({ api, onFailure, onApplied }: { api: ApiClient; onFailure: (o: ApiOutcome<unknown>) => void; onApplied: () => Promise<void> }) {
  const [busy, setBusy] = useState<null | 'download' | 'upload' | 'apply'>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ProgramUploadPreview | null>(null);
  const [refusal, setRefusal] = useState<UploadRefusal | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const fail = (o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    onFailure(o);
    setRefusal({ message: o.message, problems: o.kind === 'rejected' ? o.problems : [] });
  };

  return {
    busy, progress, preview, refusal, notice,
    download: async (code: string) => {
      setBusy('download');
      setNotice(null);
      const o = await api.programFile(code);
      setBusy(null);
      if (o.kind !== 'ok') { onFailure(o); return setNotice({ intent: 'error', text: o.message }); }
      saveFile(o.value.blob, o.value.filename);
    },
    /** Uploads the file of period `code` (null: a new period); the changes come back to confirm, nothing is applied yet. */
    upload: async (code: string | null, file: File | null) => {
      setPreview(null);
      setRefusal(null);
      setNotice(null);
      if (!file) return setRefusal({ message: t.noFile, problems: [] });
      if (!/\.xlsx$/i.test(file.name)) return setRefusal({ message: t.notXlsx(file.name), problems: [] });
      setBusy('upload');
      setProgress(0);
      const o = await api.uploadProgram(code, file, setProgress);
      setBusy(null);
      setProgress(null);
      if (o.kind !== 'ok') return fail(o);
      setPreview(o.value);
    },
    apply: async () => {
      if (!preview) return;
      setBusy('apply');
      const o = await program.applyProgramUpload(api, preview.uploadId);
      setBusy(null);
      // applied or not (409: the program changed since, or applied already), this preview is spent
      setPreview(null);
      if (o.kind !== 'ok') { onFailure(o); return setNotice({ intent: 'error', text: o.message }); }
      const p = o.value.program;
      setNotice({ intent: 'success', text: o.value.action === 'created' ? t.created(p.code, p.firstYear, p.lastYear) : t.applied(p.code, o.value.revision) });
      await onApplied();
    },
    discard: () => { setPreview(null); setRefusal(null); },
  };
}

export type ProgramFileModel = ReturnType<typeof useProgramFile>;
