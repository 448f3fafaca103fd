import type postgres from 'postgres';

/**
 * Who answered, from what the provider says: a CTI `user` (email or name), a Twilio
 * `client:<identity>` or a phone number the agent answers on.
 */
export async function findAgentByHint(sql: postgres.Sql | postgres.TransactionSql, hint: string): Promise<string | null> {
  const value = hint.replace(/^client:/, '').trim();
  if (!value) return null;
  const [row] = await sql<Array<{ id: string }>>`
    select id from users
    where active and (lower(email) = lower(${value}) or dial_identity = ${value} or phone = ${value} or lower(name) = lower(${value}))
    order by (lower(email) = lower(${value})) desc
    limit 1`;
  return row?.id ?? null;
}
