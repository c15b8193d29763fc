package store

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
)

// IsRetryable says whether a transaction failed only because it lost a
// race with another one (PostgreSQL deadlock_detected 40P01 or
// serialization_failure 40001), so running it again is correct. Callers
// retry the whole transaction, never a single statement.
func IsRetryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40P01" || pe.Code == "40001"
	}
	return false
}
