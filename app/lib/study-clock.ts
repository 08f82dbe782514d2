/** The 学时 heartbeat's timing, shared by the page (which sends beats) and the server (which credits them). */
export const BEAT = { intervalSeconds: 30, minIntervalSeconds: 15, maxCreditSeconds: 45, capFactor: 2 } as const;
