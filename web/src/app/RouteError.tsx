import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { messageOf } from '../lib/problem'

export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : messageOf(error)
  return (
    <main className="page narrow">
      <h1>Something went wrong</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/tasks">Back to your tasks</Link> or reload the page.
      </p>
    </main>
  )
}
