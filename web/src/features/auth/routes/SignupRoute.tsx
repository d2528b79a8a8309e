import { Link, useNavigate } from 'react-router'
import { useServices } from '../../../lib/app-context'
import { signUp } from '../api/auth'
import { SignupForm } from '../components/SignupForm'

export default function SignupRoute() {
  const { session } = useServices()
  const navigate = useNavigate()
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          TaskFlow
        </p>
        <h1>Create your account</h1>
        <SignupForm
          onSignup={async (values) => {
            await signUp(values)
            await session.login(values.email, values.password)
            navigate('/tasks', { replace: true })
          }}
        />
        <p>
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </div>
    </main>
  )
}
