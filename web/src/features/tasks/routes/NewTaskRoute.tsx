import { Link, useNavigate } from 'react-router'
import { useToast } from '../../../components/Toasts'
import { useCreateTask } from '../api/tasks'
import { TaskForm } from '../components/TaskForm'

export default function NewTaskRoute() {
  const create = useCreateTask()
  const navigate = useNavigate()
  const toast = useToast()
  return (
    <section aria-labelledby="new-task-title" className="narrow">
      <p>
        <Link to="/tasks">← Tasks</Link>
      </p>
      <h1 id="new-task-title">New task</h1>
      <TaskForm
        submitLabel="Create task"
        onSubmit={async (request) => {
          const task = await create.mutateAsync(request)
          toast(`Created “${task.title}”`)
          navigate('/tasks')
        }}
      />
    </section>
  )
}
