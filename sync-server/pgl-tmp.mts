import { PGlite } from '@electric-sql/pglite';
const t0 = Date.now();
const db = await PGlite.create();
console.log('create ms', Date.now()-t0);
await db.exec(`create table t (id int, d jsonb, ts timestamptz default now(), n bigint)`);
await db.query(`insert into t(id,d,n) values ($1, $2::text::jsonb, $3)`, [1, JSON.stringify({a:[1,2]}), 5]);
const r = await db.query(`select *, count(*) over ()::int as c from t`);
console.log(r.rows, r.affectedRows);
const t1 = Date.now(); const c = await db.clone(); console.log('clone ms', Date.now()-t1);
console.log((await c.query('select count(*)::int from t')).rows);
try { await db.query('select pg_advisory_xact_lock(42)'); console.log('advisory ok'); } catch(e) { console.log('adv err', e) }
try { await db.query('select 1/0'); } catch (e: any) { console.log(e.code, e.message, Object.keys(e)) }
