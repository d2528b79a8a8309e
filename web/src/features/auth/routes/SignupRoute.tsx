import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useServices } from '../../../lib/app-context'
import { ApiError } from '../../../lib/problem'
import { signUp } from '../api/auth'
import { SignupForm } from '../components/SignupForm'

/**
 * Sign-up, then a login with the same credentials: a new address is signed straight in. When the login is refused,
 * the address already had an account (whose owner auth-service has emailed) and the password is not its own, so
 * the person is pointed to their inbox and the login page, and told nothing about the address that a login with
 * that password would not tell anyone (docs/architecture.md, "Sign-up without telling who has an account").
 */
export default function SignupRoute() {
  const { session } = useServices()
  const navigate = useNavigate()
  const [checkEmail, setCheckEmail] = useState<string | null>(null)
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          TaskFlow
        </p>
        {checkEmail ? (
          <section aria-labelledby="check-email">
            <h1 id="check-email">Check your email</h1>
            <p role="status">
              We could not sign you in as {checkEmail}. If that address already has a TaskFlow account, we have sent it
              a message: log in with that account’s password instead.
            </p>
            <p>
              <Link to="/login">Log in</Link>
            </p>
          </section>
        ) : (
          <>
            <h1>Create your account</h1>
            <SignupForm
              onSignup={async (values) => {
                await signUp(values)
                try {
                  await session.login(values.email, values.password)
                } catch (error) {
                  if (error instanceof ApiError && error.status === 401) {
                    setCheckEmail(values.email)
                    return
                  }
                  throw error
                }
                navigate('/tasks', { replace: true })
              }}
            />
            <p>
              Already have an account? <Link to="/login">Log in</Link>
            </p>
          </>
        )}
      </div>
    </main>
  )
}
