import { useId, useState } from 'react'
import { Link } from 'react-router'
import { FormError } from '../../../components/States'
import { messageOf } from '../../../lib/problem'
import { useImportTasks } from '../api/tasks'

export default function ImportRoute() {
  const [file, setFile] = useState<File | null>(null)
  const importTasks = useImportTasks()
  const inputId = useId()
  const result = importTasks.data
  return (
    <section aria-labelledby="import-title" className="narrow">
      <h1 id="import-title">Import tasks</h1>
      <p>
        A JSON array of tasks, or NDJSON (one task per line), each shaped like a new task: <code>{'{"title": "…", "priority": "HIGH", "tags": ["home"]}'}</code>.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (file) importTasks.mutate(file)
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>File (.json, .ndjson)</label>
          <input id={inputId} type="file" accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={!file || importTasks.isPending}>
            {importTasks.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      <FormError message={importTasks.isError ? messageOf(importTasks.error) : null} />
      {result && (
        <div role="status" className="import-result">
          <h2>Result</h2>
          <p>
            {result.created} created, {result.failed} failed. <Link to="/tasks">See your tasks</Link>.
          </p>
          {result.failed > 0 && (
            <ul className="import-failures" aria-label="Items that failed">
              {result.items
                .filter((item) => item.status >= 300)
                .map((item) => (
                  <li key={item.index}>
                    Item {item.index + 1}: {item.problem?.detail ?? item.problem?.title ?? `status ${item.status}`}
                    {Array.isArray((item.problem as { errors?: unknown } | undefined)?.errors) &&
                      ` (${((item.problem as { errors: { field: string; message: string }[] }).errors).map((e) => `${e.field} ${e.message}`).join('; ')})`}
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
