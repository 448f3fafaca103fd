import type { PopBody, PopCustomer } from '../../../server/realtime/events';
import { apiFetch } from '../../lib/api';

type CustomerDetail = PopCustomer & Pick<PopBody, 'history' | 'orders' | 'complaints' | 'followUps'>;

/** GET /api/customers/{id} as a pop body (the same shape call:pop carries). */
export async function fetchCustomerPop(customerId: string): Promise<PopBody> {
  const { history, orders, complaints, followUps, ...customer } = await apiFetch<CustomerDetail>(`/api/customers/${encodeURIComponent(customerId)}`);
  return { customer, candidates: [], history, orders, complaints, followUps };
}

/** Links the call to the customer, then loads that customer's data for the pop. */
export async function linkAndLoad(callId: string, customerId: string): Promise<PopBody> {
  await apiFetch(`/api/calls/${encodeURIComponent(callId)}/customer`, { method: 'POST', body: { customerId } });
  return fetchCustomerPop(customerId);
}
