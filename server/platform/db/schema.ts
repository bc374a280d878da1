// Every area's tables, for Drizzle's relational queries and for the export/backup commands.
export * from '../tables';
export * from '../../strategy/tables';
export * from '../../collaboration/tables';
