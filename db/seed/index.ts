/** The seed API: the same factories serve `npm run seed`, `npm run demo` and the tests. */
export { seedDatabase, isSeeded, DEFAULT_SEED, DEFAULT_CUSTOMERS, DEFAULT_ORDERS_PER_CUSTOMER, type SeedOptions, type SeedResult } from './seed-database';
export { defaultAnchor, type SeedContext, type SeedRefs } from './context';
export { seedId, ID_KINDS } from './ids';
export { Rng, mulberry32, hash32 } from './random';
export { buildCustomerBundle, sharesNumberWithPrevious, type CustomerBundle } from './factories/customers';
export { DEMO_CUSTOMERS, DEMO_CALLERS, demoCustomerBundle } from './factories/demo-customers';
export { DEMO_USERS, DEMO_LOGINS } from './factories/users';
export { DEFAULT_POLICY_LEVELS } from './factories/escalation';
export { SALES_NUMBER, SUPPORT_CN_NUMBER } from './factories/queues';
export { readMarker, MARKER_KEY } from './marker';
