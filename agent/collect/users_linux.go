package collect

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("users", usersLinux) }

// wtmpTail is how much of /var/log/wtmp is read: the last logins are at
// the end, and the file grows for months.
const wtmpTail = 256 * utmpSize

// usersLinux lists the users logged in now (/run/utmp) and sets
// hardware.lastloggeduser from the last login in /var/log/wtmp.
func usersLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	b, errNow := env.ReadFile("/run/utmp")
	seen := map[string]bool{}
	for _, rec := range parseUtmp(b) {
		if rec.Type == utmpUserProcess && rec.User != "" && !seen[rec.User] {
			seen[rec.User] = true
			r.Content.Users = append(r.Content.Users, inventory.User{Login: rec.User})
		}
	}
	last, errLast := lastLogin(env)
	if last != nil {
		r.Content.Hardware = &inventory.Hardware{
			LastLoggedUser:     last.User,
			DateLastLoggedUser: last.Time.In(zoneOf(env)).Format("Mon Jan 2 15:04"),
		}
	}
	if len(r.Content.Users) == 0 && last == nil {
		return fmt.Errorf("no login in utmp (%v) nor wtmp (%v): %w", errNow, errLast, ErrNoData)
	}
	return nil
}

// lastLogin returns the most recent user login of wtmp's tail.
func lastLogin(env *Env) (*utmpRecord, error) {
	f, err := os.Open(env.Path("/var/log/wtmp"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	off := fi.Size() - fi.Size()%utmpSize - wtmpTail
	if off < 0 {
		off = 0
	}
	b, err := io.ReadAll(io.NewSectionReader(f, off, fi.Size()-off))
	if err != nil {
		return nil, err
	}
	recs := parseUtmp(b)
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].Type == utmpUserProcess && recs[i].User != "" && recs[i].User != "LOGIN" {
			return &recs[i], nil
		}
	}
	return nil, fmt.Errorf("no user login in wtmp")
}

// zoneOf is the system zone: time.Local on the real machine, the zone
// named by the test tree otherwise.
func zoneOf(env *Env) *time.Location {
	loc, _ := timezone(env)
	return loc
}
