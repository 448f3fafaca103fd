/** Room names: one place, so emitters and joiners never disagree. */
export const userRoom = (userId: string) => `user:${userId}`;
export const roleRoom = (role: string) => `role:${role}`;
export const SUPERVISORS_ROOM = 'watch:queues';
/** Supervisors confined to a team watch their team's board only. */
export const teamBoardRoom = (teamId: string) => `watch:queues:team:${teamId}`;
