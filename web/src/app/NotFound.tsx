import { Link } from 'react-router'

export default function NotFound() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/tasks">Go to your tasks</Link>.
      </p>
    </section>
  )
}
