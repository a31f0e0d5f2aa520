// One-shot (compose service mongo-init, run with `mongosh --nodb`): initiates the replica set rs0 if it is not
// yet, waits for a primary, and creates (or re-keys) one user per service with readWrite on its own database
// only. Idempotent: safe on every `docker-compose up`. Passwords come from the docker secrets.
const fs = require('fs');
const secret = (name) => fs.readFileSync('/run/secrets/' + name, 'utf8').trim();

const members = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'];
const root = encodeURIComponent(secret('mongo_root_password'));
let admin = connect(`mongodb://root:${root}@${members[0]}/admin?directConnection=true&authSource=admin`);

let initiated = true;
try {
  admin.adminCommand({ replSetGetStatus: 1 });
} catch (e) {
  if (e.codeName !== 'NotYetInitialized' && e.code !== 94) throw e;
  initiated = false;
}
if (!initiated) {
  print('Initiating replica set rs0 ...');
  admin.adminCommand({
    replSetInitiate: {
      _id: 'rs0',
      members: members.map((host, i) => ({ _id: i, host, priority: i === 0 ? 2 : 1 })),
    },
  });
}

const deadline = Date.now() + 180 * 1000;
while (!admin.adminCommand({ hello: 1 }).primary) {
  if (Date.now() > deadline) throw new Error('rs0 has no primary after 180 s');
  sleep(1000);
}
// From here on through the replica set, so that whichever member is primary takes the writes.
admin = connect(`mongodb://root:${root}@${members.join(',')}/admin?replicaSet=rs0&authSource=admin`);
print(`rs0 primary: ${admin.adminCommand({ hello: 1 }).primary}`);

// Each service reads and writes its own database only (docs/operations.md, "Secrets"). The key stores
// (steady-homework-keys, <service>-keys) are on mongo-keys, not here (init-key-store.js).
const users = {
  'goals-service': { secret: 'goals_mongodb_password', dbs: ['steady-goals'] },
  'homework-service': { secret: 'homework_mongodb_password', dbs: ['steady-homework'] },
  'reminders-service': { secret: 'reminders_mongodb_password', dbs: ['steady-reminders'] },
  'analytics-service': { secret: 'analytics_mongodb_password', dbs: ['steady-analytics'] },
};
for (const [user, spec] of Object.entries(users)) {
  const roles = spec.dbs.map((db) => ({ role: 'readWrite', db }));
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
print('MongoDB is ready for Steady.');
