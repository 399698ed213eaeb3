import { PGlite } from '@electric-sql/pglite';

let t = Date.now();
const p = await PGlite.create();
console.log('create', Date.now() - t);
t = Date.now();
await p.exec('create table x(a int)');
const blob = await p.dumpDataDir('none');
console.log('dump', Date.now() - t, blob.size);
t = Date.now();
const p2 = await PGlite.create({ loadDataDir: blob });
console.log('load', Date.now() - t);
t = Date.now();
console.log((await p2.query('select count(*) from x')).rows);
const p3 = await p.clone();
console.log('clone', Date.now() - t);
t = Date.now();
