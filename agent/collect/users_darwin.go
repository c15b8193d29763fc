package collect

import (
	"context"
	"fmt"

	"github.com/shirou/gopsutil/v4/host"

	"github.com/parcproject/parc/pkg/inventory"
)

// usersDarwin lists the users with a session (/var/run/utmpx, through
// gopsutil) and the last one to log in.
func usersDarwin(ctx context.Context, env *Env, r *inventory.Report) error {
	stats, err := host.UsersWithContext(ctx)
	if err != nil {
		return fmt.Errorf("read utmpx: %v: %w", err, ErrNoData)
	}
	sessions := make([]macSession, 0, len(stats))
	for _, s := range stats {
		sessions = append(sessions, macSession{User: s.User, Started: int64(s.Started)})
	}
	users, last := macUsers(sessions, macZone(env))
	if len(users) == 0 {
		return fmt.Errorf("nobody logged in: %w", ErrNoData)
	}
	r.Content.Users = users
	r.Content.Hardware = last
	return nil
}
