import { Link, useNavigate, useSearchParams } from 'react-router'
import { useServices } from '../../../lib/app-context'
import { LoginForm } from '../components/LoginForm'

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/tasks'
}

export default function LoginRoute() {
  const { session } = useServices()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          TaskFlow
        </p>
        <h1>Log in</h1>
        <LoginForm
          onLogin={async (email, password) => {
            await session.login(email, password)
            navigate(safeNext(params.get('next')), { replace: true })
          }}
        />
        <p>
          New here? <Link to="/signup">Create an account</Link>
        </p>
      </div>
    </main>
  )
}
