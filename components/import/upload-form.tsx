'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';

const KINDS = [
  { value: 'products', label: 'Products (one row per product)' },
  { value: 'shoppers', label: 'Customers (one row per customer)' },
  { value: 'orders', label: 'Orders (one row per order line)' },
  { value: 'events', label: 'Events (one row per event)' },
];
const FORMATS = [
  { value: 'auto', label: 'Detect from the file' },
  { value: 'csv', label: 'CSV (comma, semicolon or tab separated)' },
  { value: 'json', label: 'JSON (an array of objects)' },
  { value: 'ndjson', label: 'NDJSON (one object per line)' },
  { value: 'online-retail', label: 'Online Retail (UCI invoice lines)' },
];

/**
 * Sends the chosen file as the raw body of `POST /<slug>/import/upload` (streamed to disk on the
 * server, so large files never sit in memory), with upload progress, then opens the preview.
 */
export function UploadForm({
  slug,
  maxMb,
  defaultCurrency,
}: {
  slug: string;
  maxMb: number;
  defaultCurrency: string;
}) {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ sending: boolean; percent: number | null; error: string | null }>({
    sending: false,
    percent: null,
    error: null,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setState({ sending: false, percent: null, error: 'Choose a file to upload.' });
      fileRef.current?.focus();
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      setState({ sending: false, percent: null, error: `The file is larger than ${maxMb} MB.` });
      return;
    }
    const q = new URLSearchParams({
      name: file.name,
      kind: String(data.get('kind') ?? ''),
      format: String(data.get('format') ?? 'auto'),
      currency: String(data.get('currency') ?? ''),
    });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/${slug}/import/upload?${q}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setState((s) => ({ ...s, percent: Math.round((e.loaded / e.total) * 100) }));
    };
    xhr.onerror = () =>
      setState({ sending: false, percent: null, error: 'The upload failed: check your connection.' });
    xhr.onload = () => {
      let body: { url?: string; error?: { message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: use the generic message below
      }
      if (xhr.status === 201 && body.url) {
        router.push(body.url);
        return;
      }
      setState({
        sending: false,
        percent: null,
        error: body.error?.message ?? 'The upload failed. Please try again.',
      });
    };
    setState({ sending: true, percent: 0, error: null });
    xhr.send(file);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="grid gap-5 md:grid-cols-2">
        <Field
          id="import-file"
          label="File to import"
          hint={`CSV, JSON or NDJSON, optionally gzip-compressed (.gz), up to ${maxMb} MB.`}
        >
          <input
            ref={fileRef}
            id="import-file"
            name="file"
            type="file"
            required
            aria-describedby="import-file-hint"
            accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.gz"
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
          />
        </Field>
        <Field id="import-kind" label="The file holds">
          <SelectInput id="import-kind" name="kind" defaultValue="products">
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field id="import-format" label="Format">
          <SelectInput id="import-format" name="format" defaultValue="auto">
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field
          id="import-currency"
          label="Currency of prices"
          hint={`Used when the file has no currency column (Online Retail files: GBP unless set). Default ${defaultCurrency}.`}
        >
          <TextInput
            id="import-currency"
            name="currency"
            placeholder={defaultCurrency}
            maxLength={3}
            autoComplete="off"
            hint
          />
        </Field>
      </div>
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {state.error}
        </p>
      ) : null}
      {state.sending ? (
        <div
          role="progressbar"
          aria-label="Upload progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={state.percent ?? 0}
          className="h-1.5 max-w-md overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-500" style={{ width: `${state.percent ?? 0}%` }} />
        </div>
      ) : null}
      <button
        type="submit"
        disabled={state.sending}
        aria-disabled={state.sending}
        className={buttonClass('primary')}
      >
        {state.sending ? `Uploading… ${state.percent ?? 0}%` : 'Upload and preview'}
      </button>
    </form>
  );
}
