// Writes the schema of a freshly migrated database to the snapshot test/store/schema.test.ts checks.
import fs from 'node:fs';
import path from 'node:path';
import { openDb, schemaDump } from '../src/store/db';

const db = openDb(':memory:');
fs.writeFileSync(path.join(__dirname, '..', 'test', 'store', 'schema.snapshot.sql'), schemaDump(db));
db.close();
