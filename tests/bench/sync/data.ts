import type { PsqlSession } from '../../sync/support/psql';
import { lit } from '../../sync/support/psql';

/** Seed ids (supabase/seed.sql). */
export const SEED_SHOP = '5a000000-0000-4000-8000-000000000001';
export const SEED_OPERATOR = { userId: 'a1000000-0000-4000-8000-000000000003', email: 'operator@muyu.example', memberId: 'b1000000-0000-4000-8000-000000000003', role: 'operator' };

/**
 * Bulk rows for benchmarks, written as the superuser with triggers off
 * (session_replication_role = replica): revisions and work areas are set
 * explicitly, so the rows look exactly like synced ones without paying for
 * 1M audit-log rows. The extra shop's tasks (the pull benchmark's) also carry
 * field_revisions as private.stamp_row writes them on insert (every column at
 * the row's revision), so pull_changes sends what it sends for real rows.
 */
export async function bulkTasks(admin: PsqlSession, args: { shops: number; perShop: number; ownerUser: string; extraShop?: { id: string; count: number } }): Promise<void> {
  await admin.must(`
    set session_replication_role = replica;
    insert into public.shops (id, name, created_by, revision)
    select gen_random_uuid(), 'bench shop ' || s, ${lit(args.ownerUser)}, nextval('private.revision_seq')
    from generate_series(1, ${args.shops}) s;
    insert into public.tasks (id, shop_id, title, work_area, stage, priority, status, due_date, revision, progress)
    select gen_random_uuid(), sh.id, '任务 ' || g, (array['ops','image','pricing','service','order','fulfilment'])[1 + g % 6]::public.work_area,
           null, (array['P0','P1','P2','P3'])[1 + g % 4]::public.task_priority,
           (array['todo','doing','review','done','blocked'])[1 + g % 5]::public.task_status,
           date '2026-11-01' + (g % 60), nextval('private.revision_seq'), 0
    from (select id from public.shops where name like 'bench shop %') sh, generate_series(1, ${args.perShop}) g;
    ${
      args.extraShop
        ? `with cols as (
             select array_agg(a.attname::text) as names from pg_attribute a
             where a.attrelid = 'public.tasks'::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
               and a.attname not in ('revision', 'field_revisions', 'created_at', 'updated_at'))
           insert into public.tasks (id, shop_id, title, work_area, priority, status, due_date, revision, field_revisions, progress, description)
           select gen_random_uuid(), ${lit(args.extraShop.id)}, '同步任务 ' || r.g, 'ops', 'P2', (array['todo','doing','review','done','blocked'])[1 + r.g % 5]::public.task_status,
                  date '2026-11-01' + (r.g % 60), r.rev, (select jsonb_object_agg(c, r.rev) from unnest(cols.names) c), 0, '一段描述 ' || r.g
           from (select g, nextval('private.revision_seq') as rev from generate_series(1, ${args.extraShop.count}) g) r, cols;`
        : ''
    }
    set session_replication_role = origin;
    analyze public.tasks;
    analyze public.shops;
  `);
}
