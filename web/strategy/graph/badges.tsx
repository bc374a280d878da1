import classes from './graph.module.css';

/** On a portfolio initiative that serves no active goal. */
export function OrphanBadge() {
  return <span className={classes.orphanBadge}>Orphan</span>;
}

/** On an active goal no portfolio initiative serves. */
export function UnsupportedBadge() {
  return <span className={classes.unsupportedBadge}>No initiative</span>;
}
