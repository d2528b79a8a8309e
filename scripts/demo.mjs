// Fills a running TaskFlow with three demo people, their tasks and assignments (which make notifications), through
// the public API as the web app would. Safe to run again: people who exist are logged in, and a person who already
// has demo tasks gets no more.   node scripts/demo.mjs [gateway-url]   (./run-local --demo runs it)
const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '')
const PASSWORD = 'taskflow demo 2026'
const PEOPLE = [
  { displayName: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
  { displayName: 'Grace Hopper', email: 'grace.hopper@example.com' },
  { displayName: 'Alan Turing', email: 'alan.turing@example.com' },
]

async function call(method, path, { token, body, ok = [200, 201, 204] } = {}) {
  const response = await send(method, path, token, body)
  const text = await response.text()
  if (!ok.includes(response.status)) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`)
  }
  return text ? JSON.parse(text) : undefined
}

// The gateway allows an address ten sign-ups and logins a minute: a second run soon after the first waits its turn.
async function send(method, path, token, body) {
  for (;;) {
    const response = await fetch(base + path, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const wait = Number(response.headers.get('retry-after'))
    if (response.status !== 429 || !(wait > 0 && wait <= 60)) return response
    console.log(`(the gateway asks to wait ${wait} s)`)
    await new Promise((resolve) => setTimeout(resolve, wait * 1000))
  }
}

const login = (email) =>
  call('POST', '/api/auth/login', { body: { email, password: PASSWORD, tokenDelivery: 'body' }, ok: [200, 401] })

async function join({ displayName, email }) {
  let session = await login(email)
  if (!session.accessToken) {
    await call('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName }, ok: [200, 201, 202] })
    session = await login(email)
  }
  if (!session.accessToken) throw new Error(`${email} cannot log in with the demo password: ${JSON.stringify(session)}`)
  const { id } = await call('GET', '/api/auth/me', { token: session.accessToken })
  return { displayName, email, id, token: session.accessToken }
}

// user-service makes a person's profile from auth-service's event; an assignee must have one.
async function profileOf(person, by) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = await call('GET', `/api/users/search?q=${encodeURIComponent(person.email)}`, { token: by.token })
    if (found.some((profile) => profile.id === person.id)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`no profile for ${person.email} after 20 s`)
}

const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

function tasksOf(ada, grace, alan) {
  return [
    [ada, { title: 'Write the note on the Analytical Engine', status: 'IN_PROGRESS', priority: 'HIGH', dueDate: inDays(2), tags: ['writing', 'demo'] }],
    [ada, { title: 'Check the Bernoulli numbers table', priority: 'URGENT', dueDate: inDays(1), tags: ['maths', 'demo'], assigneeIds: [alan.id] }],
    [ada, { title: 'Send the translation to Babbage', status: 'DONE', tags: ['writing', 'demo'] }],
    [ada, { title: 'Plan the punched-card loops', description: 'Which operations repeat, and how often.', dueDate: inDays(7), tags: ['design', 'demo'], assigneeIds: [grace.id] }],
    [grace, { title: 'Find the moth in relay 70', status: 'IN_PROGRESS', priority: 'URGENT', dueDate: inDays(0), tags: ['bug', 'demo'] }],
    [grace, { title: 'Draft the COBOL report', priority: 'HIGH', dueDate: inDays(5), tags: ['writing', 'demo'], assigneeIds: [ada.id] }],
    [grace, { title: 'Hand out nanosecond wires', priority: 'LOW', tags: ['teaching', 'demo'] }],
    [alan, { title: 'Review the imitation game rules', dueDate: inDays(3), tags: ['review', 'demo'], assigneeIds: [ada.id, grace.id] }],
    [alan, { title: 'Decide what a machine can compute', status: 'TODO', priority: 'HIGH', tags: ['maths', 'demo'] }],
  ]
}

async function seed() {
  const people = []
  for (const person of PEOPLE) people.push(await join(person))
  const [ada, grace, alan] = people
  for (const person of people) await profileOf(person, ada)
  const existing = await call('GET', '/api/tasks?tag=demo&limit=1', { token: ada.token })
  if (existing.items.length > 0) {
    return { people, created: 0 }
  }
  const tasks = tasksOf(ada, grace, alan)
  for (const [owner, task] of tasks) {
    await call('POST', '/api/tasks', { token: owner.token, body: task })
  }
  return { people, created: tasks.length }
}

const { people, created } = await seed()
console.log(created > 0 ? `Demo data: ${created} tasks for ${people.length} people.` : 'Demo data was already there.')
console.log(`Open ${base} and log in as one of them (password "${PASSWORD}"):`)
for (const person of people) console.log(`  ${person.email.padEnd(28)} ${person.displayName}`)
