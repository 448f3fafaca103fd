/** Room names: one place, so emitters and joiners never disagree. */
export const userRoom = (userId: string) => `user:${userId}`;
export const roleRoom = (role: string) => `role:${role}`;
export const SUPERVISORS_ROOM = 'watch:queues';
