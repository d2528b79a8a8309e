import { useEffect, useId, useState } from 'react'
import { useServices } from '../../../lib/app-context'
import { useUserSearch } from '../api/users'
import { rememberNames, useUserName } from './userNames'

interface AssigneePickerProps {
  value: string[]
  onChange: (ids: string[]) => void
  error?: string | undefined
}

/** Assignees as removable chips, and a search box that finds people by the start of their name or email. */
export function AssigneePicker({ value, onChange, error }: AssigneePickerProps) {
  const id = useId()
  const [query, setQuery] = useState('')
  const [debounced, setDebounced] = useState('')
  const { session } = useServices()
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 250)
    return () => clearTimeout(timer)
  }, [query])
  const search = useUserSearch(debounced)
  useEffect(() => {
    if (search.data) rememberNames(search.data)
  }, [search.data])
  const results = (search.data ?? []).filter((user) => !value.includes(user.id))
  const me = session.userId()
  return (
    <fieldset className="field assignee-picker">
      <legend>Assignees</legend>
      {value.length > 0 ? (
        <ul className="chips" aria-label="Assigned people">
          {value.map((userId) => (
            <li key={userId} className="chip">
              <AssigneeName id={userId} me={me} />
              <button type="button" className="icon-button" onClick={() => onChange(value.filter((v) => v !== userId))} aria-label={`Remove ${userId === me ? 'yourself' : 'assignee'}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Nobody is assigned.</p>
      )}
      <div className="picker-row">
        <label htmlFor={id} className="visually-hidden">
          Find a person to assign
        </label>
        <input id={id} type="search" placeholder="Find a person by name or email" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        {me && !value.includes(me) && (
          <button type="button" className="button button-small" onClick={() => onChange([...value, me])}>
            Assign me
          </button>
        )}
      </div>
      {debounced.trim().length >= 2 && (
        <div aria-live="polite">
          {search.isPending ? (
            <p className="hint">Searching…</p>
          ) : results.length === 0 ? (
            <p className="hint">No one found.</p>
          ) : (
            <ul className="search-results" aria-label="People found">
              {results.map((user) => (
                <li key={user.id}>
                  <button
                    type="button"
                    className="result"
                    onClick={() => {
                      onChange([...value, user.id])
                      setQuery('')
                    }}
                  >
                    Assign {user.displayName}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}

function AssigneeName({ id, me }: { id: string; me: string | null }) {
  const name = useUserName(id)
  return <span>{id === me ? 'You' : (name ?? 'Someone')}</span>
}
