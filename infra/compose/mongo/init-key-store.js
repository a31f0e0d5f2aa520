// One-shot (compose service mongo-keys-init, run with `mongosh --nodb`): initiates the key stores' replica set keys0
// (one member, mongo-keys) if it is not yet, waits for a primary, and creates (or re-keys) one user per service with
// readWrite on its own key store database only (steady.keys.store-database: <service>-keys, homework
// steady-homework-keys). Idempotent: safe on every `docker-compose up`. Passwords come from the docker secrets; they
// are not the services' rs0 passwords, so a leaked data credential does not open the keys.
const fs = require('fs');
const secret = (name) => fs.readFileSync('/run/secrets/' + name, 'utf8').trim();

const member = 'mongo-keys:27017';
const root = encodeURIComponent(secret('mongo_keys_root_password'));
let admin = connect(`mongodb://root:${root}@${member}/admin?directConnection=true&authSource=admin`);

let initiated = true;
try {
  admin.adminCommand({ replSetGetStatus: 1 });
} catch (e) {
  if (e.codeName !== 'NotYetInitialized' && e.code !== 94) throw e;
  initiated = false;
}
if (!initiated) {
  print('Initiating replica set keys0 ...');
  admin.adminCommand({ replSetInitiate: { _id: 'keys0', members: [{ _id: 0, host: member }] } });
}

const deadline = Date.now() + 180 * 1000;
while (!admin.adminCommand({ hello: 1 }).isWritablePrimary) {
  if (Date.now() > deadline) throw new Error('keys0 has no primary after 180 s');
  sleep(1000);
}
admin = connect(`mongodb://root:${root}@${member}/admin?replicaSet=keys0&authSource=admin`);
print(`keys0 primary: ${admin.adminCommand({ hello: 1 }).primary}`);

// Each service reads and writes its own key store only (docs/operations.md, "Backups and the key store").
const users = {
  'goals-service': { secret: 'goals_keys_mongodb_password', db: 'goals-service-keys' },
  'homework-service': { secret: 'homework_keys_mongodb_password', db: 'steady-homework-keys' },
  'reminders-service': { secret: 'reminders_keys_mongodb_password', db: 'reminders-service-keys' },
  'analytics-service': { secret: 'analytics_keys_mongodb_password', db: 'analytics-service-keys' },
};
for (const [user, spec] of Object.entries(users)) {
  const roles = [{ role: 'readWrite', db: spec.db }];
  const pwd = secret(spec.secret);
  const writeConcern = { w: 'majority', wtimeout: 30000 };
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd, roles }, writeConcern);
    print(`Updated user ${user}`);
  } else {
    admin.createUser({ user, pwd, roles }, writeConcern);
    print(`Created user ${user}`);
  }
}
print('The key store is ready for Steady.');
