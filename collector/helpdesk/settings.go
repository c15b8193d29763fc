package helpdesk

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Keys of the helpdesk's settings, stored in the collector's settings
// table and edited by an administrator. An absent key means the default.
const (
	// SettingPriorityMatrix holds Matrix.String(); absent: DefaultMatrix.
	SettingPriorityMatrix = "helpdesk.priority_matrix"
	// SettingAutoCloseDays is the number of days after which a solved
	// ticket closes if its requester did not answer (stored -1: never);
	// absent: DefaultAutoCloseDays.
	SettingAutoCloseDays = "helpdesk.autoclose_days"
	// SettingMaxUploadMB is the largest attachment, in MiB; absent:
	// DefaultMaxUploadMB.
	SettingMaxUploadMB = "helpdesk.max_upload_mb"
)

// Defaults and bounds of the settings.
const (
	DefaultAutoCloseDays = 7
	MaxAutoCloseDays     = 365
	DefaultMaxUploadMB   = 10
	// MaxUploadMB is the web form's own hard limit on a multipart body
	// (collector/web's maxUploadBytes): a larger setting could not apply.
	MaxUploadMB = 10
)

// ParseAutoCloseDays reads SettingAutoCloseDays as stored: a number of
// days, negative for never. It returns the delay AutoClose takes.
func ParseAutoCloseDays(v string) (time.Duration, error) {
	if strings.TrimSpace(v) == "" {
		return DefaultAutoCloseDays * 24 * time.Hour, nil
	}
	days, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, fmt.Errorf("auto-close delay %q is not a number of days", v)
	}
	if days < 0 {
		return NeverAutoClose, nil
	}
	return time.Duration(days) * 24 * time.Hour, nil
}

// AutoCloseDaysForm maps the administrator's form value to the stored
// setting: the form says "0 = never", as GLPI's does, and closing at once
// is not offered (a requester must have a chance to refuse).
func AutoCloseDaysForm(days int) (string, error) {
	if days < 0 || days > MaxAutoCloseDays {
		return "", fmt.Errorf("auto-close delay must be 0 (never) to %d days, got %d", MaxAutoCloseDays, days)
	}
	if days == 0 {
		return "-1", nil
	}
	return strconv.Itoa(days), nil
}

// ParseMaxUploadMB reads SettingMaxUploadMB; empty is the default.
func ParseMaxUploadMB(v string) (int, error) {
	if strings.TrimSpace(v) == "" {
		return DefaultMaxUploadMB, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > MaxUploadMB {
		return 0, fmt.Errorf("attachment size limit must be 1 to %d MiB, got %q", MaxUploadMB, v)
	}
	return n, nil
}

// SetsPriority reports whether a role may set a ticket's priority by hand
// instead of taking the matrix's (GLPI lets supervisors override it).
func SetsPriority(r Role) bool { return r >= RoleSupervisor }

// Late reports whether an open ticket is past its due date ("time to
// resolve"): solving it was due before now. Tickets without a due date,
// and solved or closed ones, are never late.
func Late(st Status, due, now time.Time) bool {
	return st.Open() && !due.IsZero() && due.Before(now)
}
