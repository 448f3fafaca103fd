/**
 * Fixed, readable ids: `<seed>-<kind>-4…-8…-<index>`, a valid version-4-shaped UUID derived from the
 * seed, the entity kind and its index. The same seed always yields the same ids, so inserting with
 * ON CONFLICT DO NOTHING makes a second run a no-op; ids of one kind also ascend, which keeps the
 * primary-key B-tree appending during a bulk COPY instead of splitting pages at random.
 */
export const ID_KINDS = {
  team: 0x0001,
  queue: 0x0002,
  user: 0x0003,
  policy: 0x0004,
  level: 0x0005,
  demoCustomer: 0x0010,
  demoOrder: 0x0011,
  demoInteraction: 0x0012,
  demoComplaint: 0x0013,
  demoFollowUp: 0x0014,
  customer: 0x0020,
  order: 0x0021,
  interaction: 0x0022,
  complaint: 0x0023,
  followUp: 0x0024,
} as const;

export type IdKind = keyof typeof ID_KINDS;

export function seedId(seed: number, kind: IdKind, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`bad id index ${index}`);
  const s = (seed >>> 0).toString(16).padStart(8, '0');
  const k = ID_KINDS[kind].toString(16).padStart(4, '0');
  const n = index.toString(16).padStart(18, '0');
  return `${s}-${k}-4${n.slice(0, 3)}-8${n.slice(3, 6)}-${n.slice(6)}`;
}
