package state

import "time"

func installTime() (time.Time, bool) {
	return fileMTime("/etc/machine-id", "/var/lib/dbus/machine-id")
}
