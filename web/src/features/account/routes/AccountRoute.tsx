import { useId, useState } from 'react'
import { useNavigate } from 'react-router'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ErrorState, FormError, Loading } from '../../../components/States'
import { useToast } from '../../../components/Toasts'
import { formatDateTime } from '../../../lib/format'
import { messageOf } from '../../../lib/problem'
import { useChangePassword, useDeleteAccount, useLogoutEverywhere, useRevokeSession, useSessions } from '../api/account'
import { ChangePasswordForm } from '../components/ChangePasswordForm'

const CONFIRM_WORD = 'DELETE'

export default function AccountRoute() {
  const sessions = useSessions()
  const revoke = useRevokeSession()
  const changePassword = useChangePassword()
  const logoutAll = useLogoutEverywhere()
  const deleteAccount = useDeleteAccount()
  const navigate = useNavigate()
  const toast = useToast()
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [typed, setTyped] = useState('')
  const confirmId = useId()

  return (
    <section aria-labelledby="account-title" className="narrow">
      <h1 id="account-title">Account</h1>

      <section aria-labelledby="sessions-title" className="card">
        <h2 id="sessions-title">Where you are signed in</h2>
        {sessions.isPending ? (
          <Loading label="Loading sessions…" />
        ) : sessions.isError ? (
          <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <ul className="session-list">
            {sessions.data.map((s) => (
              <li key={s.id}>
                <div>
                  <p>
                    <strong>{describeAgent(s.userAgent)}</strong> {s.current && <span className="pill">This session</span>}
                  </p>
                  <p className="meta">
                    {s.address} · signed in {formatDateTime(s.createdAt)}
                    {s.lastUsedAt && ` · last used ${formatDateTime(s.lastUsedAt)}`}
                  </p>
                </div>
                {!s.current && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Revoke the session from ${describeAgent(s.userAgent)} signed in ${formatDateTime(s.createdAt)}`}
                    onClick={() => revoke.mutate(s.id, { onSuccess: () => toast('Session revoked'), onError: (e) => toast(messageOf(e)) })}
                  >
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={logoutAll.isPending}
            onClick={() => logoutAll.mutate(undefined, { onSuccess: () => navigate('/login'), onError: (e) => toast(messageOf(e)) })}
          >
            Log out everywhere
          </button>
        </div>
      </section>

      <section className="card">
        <ChangePasswordForm onChange={(body) => changePassword.mutateAsync(body)} />
      </section>

      <section aria-labelledby="delete-title" className="card danger-zone">
        <h2 id="delete-title">Delete account</h2>
        <p>Your profile, tasks and notifications are deleted. This cannot be undone.</p>
        <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
          Delete my account…
        </button>
      </section>

      <ConfirmDialog
        open={confirmDelete}
        title="Delete your account?"
        confirmLabel="Delete account"
        danger
        busy={deleteAccount.isPending}
        confirmDisabled={typed !== CONFIRM_WORD}
        onCancel={() => {
          setConfirmDelete(false)
          setTyped('')
        }}
        onConfirm={() => deleteAccount.mutate(undefined, { onSuccess: () => navigate('/signup') })}
      >
        <p>Everything in your account is deleted for good.</p>
        <div className="field">
          <label htmlFor={confirmId}>Type {CONFIRM_WORD} to confirm</label>
          <input id={confirmId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </div>
        <FormError message={deleteAccount.isError ? messageOf(deleteAccount.error) : null} />
      </ConfirmDialog>
    </section>
  )
}

function describeAgent(agent: string): string {
  if (!agent) return 'Unknown device'
  const browser = /Firefox\//.test(agent) ? 'Firefox' : /Edg\//.test(agent) ? 'Edge' : /Chrom(e|ium)\//.test(agent) ? 'Chrome' : /Safari\//.test(agent) ? 'Safari' : null
  const os = /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Windows/.test(agent) ? 'Windows' : /Mac OS X/.test(agent) ? 'macOS' : /Linux/.test(agent) ? 'Linux' : null
  return browser ? `${browser}${os ? ` on ${os}` : ''}` : agent.slice(0, 60)
}
