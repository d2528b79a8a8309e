// Runs once, when the mongo image starts on an empty data volume (its /docker-entrypoint-initdb.d contract),
// as the root user. Creates one database and one user per service; a user can read, write and manage indexes in
// its own database only. Passwords come from the environment of the mongodb container (see docker-compose.yml).
const services = ['auth', 'user', 'task', 'notification'];
for (const service of services) {
  const name = `taskflow-${service}`;
  const variable = `TASKFLOW_${service.toUpperCase()}_MONGO_PASSWORD`;
  const password = process.env[variable];
  if (!password) {
    throw new Error(`${variable} is not set: cannot create the MongoDB user ${name}`);
  }
  const database = db.getSiblingDB(name);
  database.createUser({
    user: name,
    pwd: password,
    roles: [{ role: 'readWrite', db: name }, { role: 'dbAdmin', db: name }],
  });
  print(`created database user ${name}`);
}
