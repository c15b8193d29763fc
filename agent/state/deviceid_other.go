//go:build !linux && !darwin && !windows

package state

import "time"

func installTime() (time.Time, bool) {
	return fileMTime("/etc/hostid", "/etc/machine-id")
}
