import type postgres from 'postgres';

/**
 * Who answered, from what the provider says: a CTI `user` (email or name), a Twilio
 * `client:<identity>` or a phone number the agent answers on.
 */
export async function findAgentByHint(sql: postgres.Sql | postgres.TransactionSql, hint: string): Promise<string | null> {
  const value = hint.replace(/^client:/, '').trim();
  if (!value) return null;
  // The identity the Twilio voice answer dials when an agent has none of their own.
  const generated = /^agent-([0-9a-f-]{36})$/i.exec(value);
  if (generated) return generated[1]!.toLowerCase();
  const [row] = await sql<Array<{ id: string }>>`
    select id from users
    where active and (lower(email) = lower(${value}) or dial_identity = ${value} or phone = ${value} or lower(name) = lower(${value}))
    order by (lower(email) = lower(${value})) desc
    limit 1`;
  return row?.id ?? null;
}
