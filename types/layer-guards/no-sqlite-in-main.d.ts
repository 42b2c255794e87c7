/**
 * Stands in for better-sqlite3 when electron/main and electron/preload are type-checked
 * (tsconfig.main.json). The shell never opens a workspace: it talks to the service through
 * electron/service/service-contract and service-protocol. Importing anything that reaches
 * SQLite from main fails to compile with "…no-sqlite-in-main has no default export".
 */
export {};
