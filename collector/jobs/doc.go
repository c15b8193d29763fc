// Package jobs is parc-collector's background work: a queue kept in the
// database (store.JobQueries), so that several collectors sharing one
// PostgreSQL split the work and a collector that dies hands its jobs over
// when their lease runs out, and recurring schedules of which each
// occurrence is enqueued once, whichever collector gets there first.
//
// Kinds of jobs register a Handler on a Worker; Enqueue adds a job; a
// Scheduler turns due schedules into jobs. SNMP discovery runs use it now,
// notification mail and SLA checks later.
package jobs
