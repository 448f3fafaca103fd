import postgres from 'postgres';

/** A sample of seeded customers' numbers, so every bench call is a real lookup with a real pop. */
export async function callerNumbers(databaseUrl: string, count = 5000): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<Array<{ e164: string }>>`select e164 from customer_phones tablesample system (1) limit ${count}`;
    if (rows.length < 100) return (await sql<Array<{ e164: string }>>`select e164 from customer_phones limit ${count}`).map((r) => r.e164);
    return rows.map((r) => r.e164);
  } finally {
    await sql.end();
  }
}
